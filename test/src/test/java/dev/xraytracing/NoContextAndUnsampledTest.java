package dev.xraytracing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xraytracing.testing.TracingExtension;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class NoContextAndUnsampledTest {

    @Nested
    class WithoutAnyContext {
        @RegisterExtension
        final TracingExtension tracing = TracingExtension.withoutContext();

        @Test
        void runsTheBodyRecordsNothingAndDoesNotThrow() {
            String result = Tracing.sub("Work", s -> {
                s.annotate("key", "value").metadata("k", "v").status(500);
                Tracing.annotate("static", 1);
                return s.isRecording() ? "recording" : "not recording";
            });

            assertThat(result).isEqualTo("not recording");
            assertThat(tracing.emitter().documents()).isEmpty();
        }
    }

    @Nested
    class UnderAnUnsampledLambdaInvocation {
        @RegisterExtension
        final TracingExtension tracing = TracingExtension.inLambda().unsampled();

        @Test
        void runsTheBodyAndEmitsNothing() {
            Tracing.run("Outer", outer -> Tracing.run("Inner", inner -> inner.annotate("k", "v")));

            assertThat(tracing.emitter().documents()).isEmpty();
        }
    }

    @Nested
    class UnderAnUnsampledSegment {
        @RegisterExtension
        final TracingExtension tracing = TracingExtension.inSegment().unsampled();

        @Test
        void handsTheBodyAHandleThatRecordsNothing() {
            boolean recording = Tracing.sub("Work", Sub::isRecording);

            assertThat(recording).isFalse();
            assertThat(tracing.emitter().documents()).isEmpty();
        }
    }
}
