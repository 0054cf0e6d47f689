package dev.xraytracing.lambda;

import static dev.xraytracing.testing.TracingAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xraytracing.internal.TracerCore;
import dev.xraytracing.lambda.internal.LambdaEnvironment;
import dev.xraytracing.lambda.testing.Invocation;
import dev.xraytracing.lambda.testing.LambdaInvoker;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ColdStartTest {

    private static final String HANDLER = "## handleRequest";

    @Test
    void onlyTheFirstInvocationOfAnOnDemandEnvironmentIsCold() {
        LambdaInvoker<String, String> lambda = LambdaInvoker.of(new Handlers.Greeter());

        Invocation<String> first = lambda.invoke("a");
        Invocation<String> second = lambda.invoke("b");

        assertThat(first.trace()).subsegment(HANDLER).hasAnnotation("ColdStart", true);
        assertThat(second.trace()).subsegment(HANDLER).hasAnnotation("ColdStart", false);
    }

    @Test
    void theColdStartInvocationCarriesTheInitDuration() {
        LambdaInvoker<String, String> lambda = LambdaInvoker.of(new Handlers.Greeter());

        Invocation<String> first = lambda.invoke("a");
        Invocation<String> second = lambda.invoke("b");

        Object initDuration = first.trace().get(HANDLER).annotations().get("InitDurationMs");
        assertThat(initDuration).isInstanceOf(Number.class);
        assertThat(((Number) initDuration).longValue()).isPositive();
        assertThat(second.trace()).subsegment(HANDLER).hasNoAnnotation("InitDurationMs");
    }

    @Test
    void aWarmEnvironmentIsNeverCold() {
        Invocation<String> invocation = LambdaInvoker.of(new Handlers.Greeter()).warm().invoke("a");

        assertThat(invocation.trace()).subsegment(HANDLER).hasAnnotation("ColdStart", false);
    }

    @Test
    void provisionedConcurrencyIsNeverCold() {
        Invocation<String> first = LambdaInvoker.of(new Handlers.Greeter())
                .initializationType(LambdaEnvironment.PROVISIONED_CONCURRENCY).invoke("a");

        assertThat(first.trace()).subsegment(HANDLER).hasAnnotation("ColdStart", false)
                .hasNoAnnotation("InitDurationMs");
    }

    @Test
    void aSnapStartRestoreIsNeverCold() {
        Invocation<String> first = LambdaInvoker.of(new Handlers.Greeter())
                .initializationType(LambdaEnvironment.SNAP_START).invoke("a");

        assertThat(first.trace()).subsegment(HANDLER).hasAnnotation("ColdStart", false);
    }

    @Test
    void aFirstInvocationThatThrowsSpendsTheColdStart() {
        LambdaInvoker<Exception, String> lambda = LambdaInvoker.of(new Handlers.Thrower());

        Invocation<String> failed = lambda.invoke(new IllegalStateException("boom"));
        Invocation<String> next = lambda.invoke(new IllegalStateException("again"));

        assertThat(failed.trace()).subsegment(HANDLER).hasAnnotation("ColdStart", true).isFault();
        assertThat(next.trace()).subsegment(HANDLER).hasAnnotation("ColdStart", false);
    }

    @Test
    void anUnsampledFirstInvocationSpendsTheColdStart() {
        LambdaInvoker<String, String> lambda = LambdaInvoker.of(new Handlers.Greeter());

        lambda.unsampled().invoke("a");
        Invocation<String> sampled = lambda.invoke("b");

        assertThat(sampled.trace()).subsegment(HANDLER).hasAnnotation("ColdStart", false);
    }

    @Test
    void exactlyOneOfManySimultaneousFirstInvocationsIsCold() throws Exception {
        LambdaInvoker<String, String> lambda = LambdaInvoker.of(new Handlers.Greeter());
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Invocation<String>>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                String name = "n" + i;
                Callable<Invocation<String>> call = () -> {
                    start.await();
                    return lambda.invoke(name);
                };
                futures.add(pool.submit(call));
            }
            start.countDown();
            int cold = 0;
            for (Future<Invocation<String>> future : futures) {
                if (Boolean.TRUE.equals(future.get().trace().get(HANDLER).annotations().get("ColdStart"))) {
                    cold++;
                }
            }
            assertThat(cold).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void eachTracerHasAnEnvironmentOfItsOwn() {
        TracerCore first = TracerCore.fromEnvironment();
        LambdaEnvironment environment = LambdaEnvironment.of(first);
        assertThat(environment.claimColdStart()).isTrue();
        assertThat(LambdaEnvironment.of(first).claimColdStart()).isFalse();

        TracerCore second = TracerCore.fromEnvironment();

        assertThat(LambdaEnvironment.of(second)).isNotSameAs(environment);
        assertThat(LambdaEnvironment.of(second).claimColdStart()).isTrue();
    }
}
