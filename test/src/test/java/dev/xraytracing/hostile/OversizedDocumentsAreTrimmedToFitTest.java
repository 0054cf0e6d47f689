package dev.xraytracing.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xraytracing.Tracing;
import dev.xraytracing.internal.emit.DocumentEmitter;
import dev.xraytracing.trace.RecordedEntity;
import dev.xraytracing.testing.TracingExtension;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Issue 11, item 6: annotations, messages and exceptions that make a document too large are trimmed, never lost. */
class OversizedDocumentsAreTrimmedToFitTest {

    @RegisterExtension
    static final TracingExtension tracing = TracingExtension.inSegment();

    private RecordedEntity sent() {
        RecordedEntity work = tracing.trace().get("Work");
        assertThat(tracing.emitter().documents()).allSatisfy(document ->
                assertThat(document.getBytes(StandardCharsets.UTF_8).length)
                        .isLessThanOrEqualTo(DocumentEmitter.MAX_DOCUMENT_BYTES));
        assertThat(work.annotations()).containsEntry("survivor", "here");
        return work;
    }

    @Test
    void thousandsOfAnnotationsAreTrimmedAndTheSmallOnesKept() {
        Tracing.run("Work", s -> {
            s.annotate("survivor", "here");
            for (int i = 0; i < 5_000; i++) {
                s.annotate("key_" + i, "value number " + i);
            }
        });

        assertThat(sent().annotations().size()).isGreaterThan(100);
    }

    @Test
    void longKeysAndValuesAreTrimmed() {
        Tracing.run("Work", s -> {
            s.annotate("survivor", "here");
            for (int i = 0; i < 100; i++) {
                s.annotate(String.format("%03d", i) + "k".repeat(497), "v".repeat(1_000));
            }
        });

        sent();
    }

    @Test
    void manyExceptionsWithHugeMessagesAreBoundedPerEntity() {
        Tracing.run("Work", s -> {
            s.annotate("survivor", "here");
            for (int i = 0; i < 1_000; i++) {
                s.exception(new RuntimeException("x".repeat(200_000), new RuntimeException("y".repeat(5_000))));
            }
        });

        assertThat(sent().exceptions()).hasSizeLessThanOrEqualTo(32);
    }

    @Test
    void everythingHugeAtOnceStillSendsTheSmallestDocument() {
        Tracing.run("Work", s -> {
            s.annotate("survivor", "here");
            for (int i = 0; i < 100; i++) {
                s.annotate(String.format("%03d", i) + "k".repeat(497), "\u0001".repeat(1_000));
                s.exception(new RuntimeException("\u0002".repeat(1_000)));
                s.metadata("m" + i, "z".repeat(10_000));
            }
            s.xraySubsegment().get().putAws("huge", "a".repeat(100_000));
        });

        sent();
    }
}
