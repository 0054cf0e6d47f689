package dev.xraytracing.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.xray.AWSXRayRecorder;
import com.amazonaws.xray.ThreadLocalStorage;
import dev.xraytracing.Tracing;
import com.amazonaws.xray.entities.SegmentImpl;
import com.amazonaws.xray.entities.TraceID;
import dev.xraytracing.internal.Spans;
import dev.xraytracing.internal.TracerCore;
import dev.xraytracing.internal.log.WarnOnce;
import dev.xraytracing.internal.emit.DocumentSink;
import dev.xraytracing.internal.emit.UdpSink;
import dev.xraytracing.testing.SegmentDocumentSchema;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, item 1, and the interrupt fault: an interrupt at any point of a subsegment's life, on the real UDP path,
 * neither fails the traced code nor stops later documents; the thread's interrupt flag is left as the code set it.
 */
class InterruptsNeverTurnTracingOffTest {
    private UdpReceiver daemon;
    private UdpSink udp;
    private volatile boolean interruptInSink;
    private TracerCore.Scope scope;
    private AWSXRayRecorder recorder;

    @BeforeEach
    void useARealUdpSink() {
        daemon = new UdpReceiver();
        udp = new UdpSink(daemon.address(), new WarnOnce());
        DocumentSink sink = document -> {
            if (interruptInSink) {
                Thread.currentThread().interrupt();
            }
            udp.send(document);
        };
        recorder = LeanTracers.lean(sink);
        scope = LeanTracers.makeCurrent(recorder);
        ThreadLocalStorage.clear();
    }

    @AfterEach
    void stop() {
        Thread.interrupted();
        scope.close();
        daemon.close();
    }

    private void assertOneValidDocumentArrives(String name) {
        List<String> received = daemon.receive(1, 5_000);
        assertThat(received).hasSize(1);
        assertThat(received.get(0)).contains("\"name\":\"" + name + "\"");
        SegmentDocumentSchema.assertValid(received);
    }

    /** A sampled segment as a servlet filter would open it (Tracing.segment would ask the local sampling rules). */
    private void segment(String name, Runnable inside) {
        SegmentImpl segment = new SegmentImpl(recorder, name, TraceID.create(recorder));
        ThreadLocalStorage.set(segment);
        try {
            inside.run();
        } finally {
            Spans.finishSegment(segment);
        }
    }

    private void segmentThatRuns(String name, Runnable inside) {
        segment(name, () -> Tracing.run("Sub", sub -> inside.run()));
    }

    @Test
    void anInterruptInTheBodyKeepsTheFlagAndLaterDocumentsFlow() {
        segmentThatRuns("Interrupted", () -> Thread.currentThread().interrupt());

        assertThat(Thread.interrupted()).isTrue();
        assertOneValidDocumentArrives("Interrupted");
        segmentThatRuns("After", () -> { });
        assertOneValidDocumentArrives("After");
    }

    @Test
    void anInterruptBeforeTheSubsegmentOpensChangesNothing() {
        Thread.currentThread().interrupt();
        segmentThatRuns("AlreadyInterrupted", () -> { });

        assertThat(Thread.interrupted()).isTrue();
        assertOneValidDocumentArrives("AlreadyInterrupted");
    }

    @Test
    void anInterruptWhileTheDocumentIsSentChangesNothing() {
        interruptInSink = true;
        segmentThatRuns("InterruptedWhileSending", () -> { });
        interruptInSink = false;

        assertThat(Thread.interrupted()).isTrue();
        assertOneValidDocumentArrives("InterruptedWhileSending");
        segmentThatRuns("After", () -> { });
        assertOneValidDocumentArrives("After");
    }

    @Test
    void anInterruptInANestedSubsegmentAndAfterItsCloseChangesNothing() {
        segment("Nested", () -> {
            Tracing.run("Outer", outer -> {
                Tracing.run("Inner", inner -> Thread.currentThread().interrupt());
                assertThat(Thread.currentThread().isInterrupted()).isTrue();
            });
            Thread.currentThread().interrupt();
        });

        assertThat(Thread.interrupted()).isTrue();
        assertOneValidDocumentArrives("Nested");
    }

    @Test
    void anInterruptInEveryOneOfManySegmentsLosesNone() {
        for (int i = 0; i < 50; i++) {
            segmentThatRuns("Many", () -> Thread.currentThread().interrupt());
            assertThat(Thread.interrupted()).isTrue();
        }

        assertThat(daemon.receive(50, 5_000)).hasSize(50);
    }
}
