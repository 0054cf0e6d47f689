package dev.xraytracing.internal.emit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xraytracing.Tracing;
import dev.xraytracing.trace.RecordedTrace;
import dev.xraytracing.testing.TracingExtension;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OversizedDocumentsAreSplitTest {

    @RegisterExtension
    static final TracingExtension tracing = TracingExtension.inSegment();

    @Test
    void aSegmentTooLargeForOneDatagramIsSentInPartsAndReassembles() {
        String bulky = "x".repeat(20_000);
        for (int i = 0; i < 5; i++) {
            int n = i;
            Tracing.run("Part" + n, s -> s.metadata("bulk", bulky));
        }

        RecordedTrace trace = tracing.trace();

        assertThat(tracing.emitter().documents()).hasSizeGreaterThan(1)
                .allSatisfy(doc -> assertThat(doc.getBytes(StandardCharsets.UTF_8).length)
                        .isLessThanOrEqualTo(DocumentEmitter.MAX_DOCUMENT_BYTES));
        assertThat(trace.roots()).hasSize(1);
        assertThat(trace.get("test").children()).extracting(e -> e.name())
                .containsExactly("Part0", "Part1", "Part2", "Part3", "Part4");
    }

    @Test
    void oneSubsegmentTooLargeOnItsOwnKeepsEverythingButItsMetadata() {
        Tracing.run("Huge", s -> s.metadata("bulk", "y".repeat(100_000)).annotate("kept", true));

        RecordedTrace trace = tracing.trace();

        dev.xraytracing.testing.TracingAssertions.assertThat(trace).subsegment("Huge").hasAnnotation("kept", true)
                .hasMetadata("xray_tracing", "truncated");
    }
}
