package dev.xraytracing.lambda.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.xray.AWSXRayRecorder;
import dev.xraytracing.internal.Recorders;
import dev.xraytracing.internal.TracingState;
import dev.xraytracing.testing.InMemoryEmitter;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The init-phase warm-up builds what the first traced invocation needs, once, and records nothing. */
class InitWarmUpTest {
    @AfterEach
    void freshState() {
        TracingState.reset();
    }

    @Test
    void builds_the_shared_recorder_once_for_the_invocations_that_follow_and_sends_nothing() {
        InMemoryEmitter emitter = new InMemoryEmitter();
        AtomicInteger builds = new AtomicInteger();
        TracingState.get().useRecorder(() -> {
            builds.incrementAndGet();
            return Recorders.lean(emitter);
        });

        InitWarmUp.run();
        AWSXRayRecorder used = TracingState.get().recorder();

        assertThat(builds).hasValue(1);
        assertThat(TracingState.get().recorder()).isSameAs(used);
        assertThat(emitter.documents()).isEmpty();
    }

    @Test
    void reads_the_jvm_start_once_and_still_measures_the_time_since() throws InterruptedException {
        LambdaEnvironment environment = LambdaEnvironment.current();
        InitWarmUp.run();
        long first = environment.millisSinceJvmStart();
        Thread.sleep(5);

        assertThat(environment.millisSinceJvmStart()).isGreaterThan(first);
    }
}
