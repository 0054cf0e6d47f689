package dev.xraytracing.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xraytracing.Tracing;
import dev.xraytracing.trace.RecordedEntity;
import dev.xraytracing.testing.TracingExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Issue 11, item 9: names X-Ray's pattern refuses are repaired; long request fields are cut. */
class NamesAreWhatXRayAcceptsTest {

    @RegisterExtension
    static final TracingExtension tracing = TracingExtension.inLambda();

    private RecordedEntity only() {
        return tracing.emitter().traces().get(0).entities().get(0);
    }

    @Test
    void aBlankNameIsRecordedAsUnnamedAndTheBodyIsTraced() {
        Tracing.run("   ", s -> s.annotate("survivor", "here"));

        assertThat(only().name()).isEqualTo("unnamed");
        assertThat(only().annotations()).containsEntry("survivor", "here");
    }

    @Test
    void aLetterNewerThanXRaysPatternIsReplaced() {
        // U+08B6 is an Arabic letter since Unicode 9; Java knows it, X-Ray's name pattern does not.
        assertThat(Character.isLetter('\u08b6')).isTrue();
        Tracing.run("Call\u08b6", s -> { });

        assertThat(only().name()).isEqualTo("Call_");
    }

    @Test
    void lettersAndSpacesThePatternListsAreKept() {
        Tracing.run("Grüße 東京\u3000", s -> { });

        assertThat(only().name()).isEqualTo("Grüße 東京\u3000");
    }

    @Test
    void charactersOutsideThePatternAndEmojiAreReplaced() {
        Tracing.run("a\u00adb\uD83D\uDE00c", s -> { });

        assertThat(only().name()).isEqualTo("a_b_c");
    }

    @Test
    void aLongRequestUrlIsCutTo250Characters() {
        // No context here (the Lambda extension's header is on this thread; clear it for this one segment).
        software.amazon.awssdk.utilslite.SdkInternalThreadLocal.put(
                dev.xraytracing.internal.LambdaTraceHeader.THREAD_LOCAL_KEY, null);
        com.amazonaws.xray.entities.Segment api = dev.xraytracing.internal.Spans.startSegment(dev.xraytracing.internal.TracerCore.current(), "Api", "GET",
                "/" + "p".repeat(1_000));
        com.amazonaws.xray.ThreadLocalStorage.clear();

        assertThat(((java.util.Map<?, ?>) api.getHttp().get("request")).get("url").toString()).hasSize(250);
    }
}
