package dev.xraytracing.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xraytracing.Tracing;
import dev.xraytracing.internal.emit.DocumentEmitter;
import dev.xraytracing.testing.TracingExtension;
import dev.xraytracing.trace.RecordedEntity;
import dev.xraytracing.trace.RecordedTrace;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Above 100 subsegments in one segment, finished subtrees go out early as documents of their own, as the X-Ray SDK's
 * default streaming strategy sends them, so no document outgrows a datagram; none is lost or sent twice. Both kinds of
 * segment: Lambda's (our lean entities, which check the threshold themselves) here, and one the SDK's recorder owns
 * in {@link ManySubsegmentsUnderAnSdkSegmentAreStreamedTest}.
 */
class ManySubsegmentsAreStreamedNotLostTest {
    static final int CHILDREN = 150;

    @RegisterExtension
    final TracingExtension tracing = TracingExtension.inLambda();

    @Test
    void underLambdasSegmentEveryChildArrivesOnceAndTheBlockIsSentInParts() {
        Tracing.run("Parent", parent -> {
            for (int i = 0; i < CHILDREN; i++) {
                Tracing.run("Child " + i, child -> child.annotate("index", 0));
            }
        });

        assertStreamedAndComplete(tracing);
    }

    static void assertStreamedAndComplete(TracingExtension tracing) {
        List<String> documents = tracing.emitter().documents();
        assertThat(documents).as("the block's finished children went out ahead of it").hasSizeGreaterThan(2);
        assertThat(documents).allSatisfy(document -> assertThat(document.getBytes(StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(DocumentEmitter.MAX_DOCUMENT_BYTES));
        RecordedTrace trace = tracing.trace();
        RecordedEntity parent = trace.get("Parent");
        Set<String> children = new HashSet<>();
        for (RecordedEntity child : parent.children()) {
            assertThat(children.add(child.name())).as("sent once: " + child.name()).isTrue();
        }
        assertThat(children).hasSize(CHILDREN);
        assertThat(trace.findAll("Child 0")).hasSize(1);
    }
}
