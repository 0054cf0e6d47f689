package dev.xraytracing.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.amazonaws.xray.AWSXRayRecorder;
import com.amazonaws.xray.AWSXRayRecorderBuilder;
import com.amazonaws.xray.ThreadLocalStorage;
import com.amazonaws.xray.emitters.Emitter;
import com.amazonaws.xray.entities.Segment;
import com.amazonaws.xray.entities.Subsegment;
import com.amazonaws.xray.entities.TraceID;
import com.amazonaws.xray.strategy.IgnoreErrorContextMissingStrategy;
import dev.xraytracing.Tracing;
import dev.xraytracing.internal.LambdaTraceHeader;
import dev.xraytracing.internal.TracerCore;
import dev.xraytracing.internal.log.WarnOnce;
import dev.xraytracing.internal.emit.DocumentSink;
import dev.xraytracing.internal.emit.UdpSink;
import dev.xraytracing.testing.InMemoryEmitter;
import dev.xraytracing.testing.SegmentDocumentSchema;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.utilslite.SdkInternalThreadLocal;

/**
 * The fault half of issue 11: a daemon that is down, refusing or unreachable, an emitter or sink that throws, a sink
 * that blocks. For each: the traced code never fails, and once the fault is gone documents flow again.
 */
class FaultsNeverFailTheTracedCodeTest {
    static final int CALLS = 200;

    /** A sink whose target can be switched, as a daemon going away and coming back. */
    static final class SwitchableSink implements DocumentSink {
        volatile DocumentSink target;

        SwitchableSink(DocumentSink target) {
            this.target = target;
        }

        @Override
        public void send(String document) {
            target.send(document);
        }
    }

    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void cleanUp() throws Exception {
        SdkInternalThreadLocal.put(LambdaTraceHeader.THREAD_LOCAL_KEY, null);
        ThreadLocalStorage.clear();
        for (AutoCloseable closeable : toClose) {
            closeable.close();
        }
    }

    /** CALLS traced calls in a sampled Lambda invocation through {@code recorder}; returns how many failed. */
    private static int tracedCalls(AWSXRayRecorder recorder, int calls) {
        try {
            return traced(recorder, calls, body -> {
                SdkInternalThreadLocal.put(LambdaTraceHeader.THREAD_LOCAL_KEY, "Root=" + TraceID.create(recorder)
                        + ";Parent=" + recorder.getIdGenerator().newEntityId() + ";Sampled=1");
                return Tracing.sub("Call", s -> body.get());
            });
        } finally {
            SdkInternalThreadLocal.put(LambdaTraceHeader.THREAD_LOCAL_KEY, null);
        }
    }

    /** The same under segments of ours ({@code Tracing.segment}), which are the X-Ray SDK's entities. */
    private static int tracedSegments(AWSXRayRecorder recorder, int calls) {
        return traced(recorder, calls, body -> Tracing.segment("Root", root -> body.get()));
    }

    /** Runs an annotated inner subsegment {@code calls} times inside what {@code around} opens. */
    private static int traced(AWSXRayRecorder recorder, int calls,
            java.util.function.Function<java.util.function.Supplier<String>, String> around) {
        int failures = 0;
        try (TracerCore.Scope scope = LeanTracers.makeCurrent(recorder)) {
            for (int i = 0; i < calls; i++) {
                int n = i;
                try {
                    String answer = around.apply(() -> Tracing.sub("Inner", inner -> {
                        inner.annotate("n", n);
                        return "ok";
                    }));
                    if (!"ok".equals(answer)) {
                        failures++;
                    }
                } catch (Throwable failure) {
                    failures++;
                }
            }
        }
        return failures;
    }

    private UdpReceiver receiver() {
        UdpReceiver receiver = new UdpReceiver();
        toClose.add(receiver);
        return receiver;
    }

    /**
     * The daemon's port is free while it is down, so a socket of a test running alongside may take it before the
     * daemon comes back; the scenario then starts again on another port.
     */
    @Test
    void aDaemonThatIsDownThenComesBack() throws Exception {
        for (int attempt = 1; ; attempt++) {
            int port;
            try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
                port = probe.getLocalPort(); // free again once closed: nobody listens there
            }
            InetSocketAddress daemon = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
            AWSXRayRecorder recorder = LeanTracers.lean(new UdpSink(daemon, new WarnOnce()));

            assertThat(tracedCalls(recorder, CALLS)).isZero();

            DatagramSocket back;
            try {
                back = new DatagramSocket(daemon);
            } catch (java.net.BindException taken) {
                assertThat(attempt).as("attempts to find a port no other test takes meanwhile").isLessThan(5);
                continue;
            }
            try (back) {
                back.setSoTimeout(5_000);
                assertThat(tracedCalls(recorder, 1)).isZero();
                java.net.DatagramPacket packet = new java.net.DatagramPacket(new byte[70_000], 70_000);
                back.receive(packet);
                assertThat(new String(packet.getData(), 0, packet.getLength())).contains("\"name\":\"Call\"");
            }
            return;
        }
    }

    @Test
    void anUnreachableOrUnresolvableDaemonThenAWorkingOne() {
        UdpReceiver working = receiver();
        SwitchableSink sink = new SwitchableSink(
                new UdpSink(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), new WarnOnce()));
        AWSXRayRecorder recorder = LeanTracers.lean(sink);

        assertThat(tracedCalls(recorder, CALLS)).isZero(); // port 0: every send fails
        sink.target = new UdpSink(InetSocketAddress.createUnresolved("daemon.invalid", 2000), new WarnOnce());
        assertThat(tracedCalls(recorder, CALLS)).isZero(); // unresolved: every send fails

        sink.target = new UdpSink(working.address(), new WarnOnce());
        assertThat(tracedCalls(recorder, 10)).isZero();
        List<String> received = working.receive(10, 5_000);
        assertThat(received).hasSize(10);
        SegmentDocumentSchema.assertValid(received);
    }

    @Test
    void aSinkThatThrowsExceptionsOrErrorsThenRecovers() {
        InMemoryEmitter memory = new InMemoryEmitter();
        AtomicInteger mode = new AtomicInteger();
        AWSXRayRecorder recorder = LeanTracers.lean(document -> {
            switch (mode.get()) {
                case 0: throw new IllegalStateException("sink broke");
                case 1: throw new OutOfMemoryError("pretend");
                default: memory.send(document);
            }
        });

        assertThat(tracedCalls(recorder, CALLS)).isZero();
        mode.set(1);
        assertThat(tracedCalls(recorder, CALLS)).isZero();
        mode.set(2);
        assertThat(tracedCalls(recorder, 10)).isZero();

        assertThat(memory.documents()).hasSize(10);
        SegmentDocumentSchema.assertValid(memory.documents());
    }

    /** Segments of ours (not Lambda's) are the X-Ray SDK's entities and go out through the recorder's emitter. */
    @Test
    void anEmitterUnderSegmentsOfOursThatThrowsThenRecovers() {
        InMemoryEmitter memory = new InMemoryEmitter();
        AtomicInteger broken = new AtomicInteger(1);
        Emitter emitter = new Emitter() {
            @Override
            public boolean sendSegment(Segment segment) {
                if (broken.get() == 1) {
                    throw new IllegalStateException("emitter broke");
                }
                memory.send(segment.serialize());
                return true;
            }

            @Override
            public boolean sendSubsegment(Subsegment subsegment) {
                if (broken.get() == 1) {
                    throw new StackOverflowError("pretend");
                }
                memory.send(subsegment.streamSerialize());
                return true;
            }
        };
        AWSXRayRecorder recorder = LeanTracers.lean(document -> { });
        recorder.setEmitter(emitter); // the tracer's recorder, with an emitter of the SDK's kind in place of ours

        assertThat(tracedSegments(recorder, CALLS)).isZero();
        broken.set(0);
        assertThat(tracedSegments(recorder, 10)).isZero();

        assertThat(memory.documents()).hasSize(10);
    }


    @Test
    void aSinkThatBlocksHoldsOnlyItsCallersAndReleasesThemAll() throws Exception {
        InMemoryEmitter memory = new InMemoryEmitter();
        CountDownLatch release = new CountDownLatch(1);
        AWSXRayRecorder recorder = LeanTracers.lean(document -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            memory.send(document);
        });
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> failures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                failures.add(threads.submit(() -> tracedCalls(recorder, 25)));
            }
            Thread.sleep(200);
            assertThat(memory.documents()).isEmpty();
            release.countDown();
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
                for (Future<Integer> failed : failures) {
                    assertThat(failed.get()).isZero();
                }
            });
        } finally {
            threads.shutdownNow();
        }

        assertThat(memory.documents()).hasSize(100);
        SegmentDocumentSchema.assertValid(memory.documents());
    }
}
