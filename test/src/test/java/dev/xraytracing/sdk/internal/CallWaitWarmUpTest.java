package dev.xraytracing.sdk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xraytracing.internal.TracerCore;
import dev.xraytracing.internal.emit.DocumentSink;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** On one CPU, the end of a cold invocation is prepared while its first traced call waits: once, and never sending. */
class CallWaitWarmUpTest {
    /** Records who prepared it and what it was sent. */
    static final class PreparingSink implements DocumentSink {
        final List<Thread> preparedBy = new CopyOnWriteArrayList<>();
        final List<String> sent = new CopyOnWriteArrayList<>();
        final CountDownLatch prepared = new CountDownLatch(1);
        final RuntimeException failure;

        PreparingSink(RuntimeException failure) {
            this.failure = failure;
        }

        @Override
        public void send(String document) {
            sent.add(document);
        }

        @Override
        public void prepare() {
            preparedBy.add(Thread.currentThread());
            prepared.countDown();
            if (failure != null) {
                throw failure;
            }
        }
    }

    private static TracerCore tracerWith(PreparingSink sink) {
        return new TracerCore(warnings -> sink, null, true);
    }

    @Test
    void the_first_request_of_an_armed_tracer_prepares_its_sink_once_on_a_daemon_thread() throws Exception {
        PreparingSink sink = new PreparingSink(null);
        TracerCore core = tracerWith(sink);
        CallWaitWarmUp.arm(core);
        assertThat(CallWaitWarmUp.pending(core)).isTrue();

        CallWaitWarmUp.onRequestSent(core);
        CallWaitWarmUp.onRequestSent(core);

        assertThat(sink.prepared.await(10, TimeUnit.SECONDS)).as("the sink was prepared").isTrue();
        Thread preparer = sink.preparedBy.get(0);
        preparer.join(10_000);
        assertThat(sink.preparedBy).hasSize(1);
        assertThat(preparer.getName()).isEqualTo("xray-tracing-call-wait");
        assertThat(preparer.isDaemon()).as("a daemon thread, never keeping the JVM alive").isTrue();
        assertThat(CallWaitWarmUp.pending(core)).isFalse();
        assertThat(sink.sent).as("nothing is sent").isEmpty();
    }

    @Test
    void a_tracer_that_was_not_armed_prepares_nothing() {
        PreparingSink sink = new PreparingSink(null);
        TracerCore core = tracerWith(sink);

        CallWaitWarmUp.onRequestSent(core);

        assertThat(CallWaitWarmUp.pending(core)).isFalse();
        assertThat(sink.preparedBy).isEmpty();
    }

    @Test
    void a_sink_that_fails_to_prepare_costs_one_warning_under_its_kind() throws Exception {
        PreparingSink sink = new PreparingSink(new IllegalStateException("no socket today"));
        TracerCore core = tracerWith(sink);
        CallWaitWarmUp.arm(core);

        CallWaitWarmUp.onRequestSent(core);
        assertThat(sink.prepared.await(10, TimeUnit.SECONDS)).isTrue();
        sink.preparedBy.get(0).join(10_000);

        assertThat(core.warnings().warn("emit:prepare:java.lang.IllegalStateException", "again"))
                .as("the failure was caught and logged under its kind").isFalse();
    }
}
