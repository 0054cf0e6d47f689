package dev.xraytracing.lambda.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xraytracing.internal.TracerCore;
import dev.xraytracing.internal.emit.DocumentEmitter;
import dev.xraytracing.testing.InMemoryEmitter;
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
        assertThat(core.recorder().getEmitter()).isSameAs(used); // one emitter, whoever sends
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
}
