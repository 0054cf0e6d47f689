package dev.xraytracing.lambda.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xraytracing.internal.TracerCore;
import dev.xraytracing.internal.config.Configuration;
import dev.xraytracing.internal.emit.DocumentEmitter;
import dev.xraytracing.internal.emit.DocumentSink;
import dev.xraytracing.internal.emit.RecorderEmitter;
import dev.xraytracing.testing.InMemoryEmitter;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The init-phase warm-up builds what the first traced invocation needs, once, and records nothing. */
class InitWarmUpTest {
    @Test
    void builds_the_emitter_once_for_the_invocations_that_follow_and_sends_nothing() {
        InMemoryEmitter emitter = new InMemoryEmitter();
        AtomicInteger builds = new AtomicInteger();
        TracerCore core = new TracerCore(warnings -> {
            builds.incrementAndGet();
            return emitter::send;
        }, null, true);

        InitWarmUp.run(core);
        DocumentEmitter used = core.emitter();

        assertThat(builds).hasValue(1);
        assertThat(core.emitter()).isSameAs(used);
        assertThat(RecorderEmitter.documentsOf(core.recorder().getEmitter())).isSameAs(used); // one emitter, whoever sends
        assertThat(emitter.documents()).isEmpty();
    }

    @Test
    void reads_the_jvm_start_once_and_still_measures_the_time_since() throws InterruptedException {
        TracerCore core = TracerCore.fromEnvironment();
        LambdaEnvironment environment = LambdaEnvironment.of(core);
        InitWarmUp.run(core);
        long first = environment.millisSinceJvmStart();
        Thread.sleep(5);

        assertThat(environment.millisSinceJvmStart()).isGreaterThan(first);
    }

    @Test
    void prepares_the_sinks_first_send_and_sends_nothing() {
        AtomicInteger prepared = new AtomicInteger();
        InMemoryEmitter emitter = new InMemoryEmitter();
        TracerCore core = new TracerCore(warnings -> new DocumentSink() {
            @Override
            public void send(String document) {
                emitter.send(document);
            }

            @Override
            public void prepare() {
                prepared.incrementAndGet();
            }
        }, null, true);

        InitWarmUp.run(core);

        assertThat(prepared).as("the socket (and the OpenTelemetry encoder) prepared once").hasValue(1);
        assertThat(emitter.documents()).isEmpty();
    }

    private static Configuration warmUp(String setting) {
        return Configuration.of(setting == null ? Map.of() : Map.of("XRAY_TRACING_INIT_WARM_UP", setting), Map.of());
    }

    @Test
    void by_default_only_two_cpus_prepare_on_a_thread_during_init() {
        assertThat(LambdaEnvironment.warmUpInBackground(warmUp(null), 2)).isTrue();
        assertThat(LambdaEnvironment.warmUpInBackground(warmUp(" Auto "), 2)).isTrue();
        assertThat(LambdaEnvironment.warmUpInBackground(warmUp(null), 1)).isFalse();
    }

    @Test
    void off_prepares_nowhere_and_on_prepares_during_init_on_any_cpu_count() {
        assertThat(LambdaEnvironment.warmUpInBackground(warmUp("off"), 2)).isFalse();
        assertThat(LambdaEnvironment.warmUpInBackground(warmUp(" OFF "), 2)).isFalse();
        assertThat(LambdaEnvironment.warmUpInBackground(warmUp("false"), 2)).isFalse();
        assertThat(LambdaEnvironment.warmUpInBackground(warmUp("on"), 1)).isTrue();
    }
}
