package dev.xraytracing.hostile;

import dev.xraytracing.Tracing;
import dev.xraytracing.testing.TracingExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link ManySubsegmentsAreStreamedNotLostTest} under a segment the X-Ray SDK's recorder owns, which streams with that
 * recorder's own strategy through our emitter.
 */
class ManySubsegmentsUnderAnSdkSegmentAreStreamedTest {
    @RegisterExtension
    final TracingExtension tracing = TracingExtension.inSegment();

    @Test
    void everyChildArrivesOnceAndTheBlockIsSentInParts() {
        Tracing.run("Parent", parent -> {
            for (int i = 0; i < ManySubsegmentsAreStreamedNotLostTest.CHILDREN; i++) {
                Tracing.run("Child " + i, child -> child.annotate("index", 0));
            }
        });

        ManySubsegmentsAreStreamedNotLostTest.assertStreamedAndComplete(tracing);
    }
}
