package dev.xraytracing.context;

import static dev.xraytracing.testing.TracingAssertions.assertThat;

import dev.xraytracing.Tracing;
import dev.xraytracing.testing.TracingExtension;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TraceContextTest {

    abstract static class CarriesTheCurrentSubsegment {
        ExecutorService pool;

        abstract TracingExtension tracing();

        @BeforeEach
        void startPool() {
            pool = Executors.newFixedThreadPool(2);
        }

        @AfterEach
        void stopPool() throws InterruptedException {
            pool.shutdownNow();
            pool.awaitTermination(5, TimeUnit.SECONDS);
        }

        @Test
        void aWrappedRunnableNestsUnderTheSubmittersSubsegment() throws Exception {
            Tracing.run("Parent", s -> pool.submit(TraceContext.wrap(() -> Tracing.run("Child", c -> { }))).get());

            assertThat(tracing().trace()).subsegment("Parent").child("Child").isClosed();
        }

        @Test
        void aWrappedCallableNestsAndReturnsItsValue() throws Exception {
            String value = Tracing.sub("Parent",
                    s -> pool.submit(TraceContext.wrap(() -> Tracing.sub("Child", c -> "v"))).get());

            org.assertj.core.api.Assertions.assertThat(value).isEqualTo("v");
            assertThat(tracing().trace()).subsegment("Parent").child("Child");
        }

        @Test
        void aWrappedExecutorServicePropagatesEverySubmission() throws Exception {
            ExecutorService traced = TraceContext.wrap(pool);

            Tracing.run("Parent", s -> {
                traced.submit(() -> Tracing.run("First", c -> { })).get();
                traced.submit(() -> Tracing.run("Second", c -> { })).get();
            });

            assertThat(tracing().trace()).subsegment("Parent").hasChildCount(2).child("Second");
        }

        @Test
        void completableFutureStagesNestUnderTheSubsegmentThatBuiltThem() {
            String result = Tracing.sub("Parent", s -> CompletableFuture
                    .supplyAsync(TraceContext.supplier(() -> Tracing.sub("Fetch", c -> "data")), pool)
                    .thenApplyAsync(TraceContext.function(data -> Tracing.sub("Transform", c -> data + "!")), pool)
                    .join());

            org.assertj.core.api.Assertions.assertThat(result).isEqualTo("data!");
            assertThat(tracing().trace()).subsegment("Parent").child("Fetch").parent().child("Transform");
        }

        @Test
        void thePoolThreadKeepsNoContextAfterTheTask() throws Exception {
            Tracing.run("Parent", s -> pool.submit(TraceContext.wrap(() -> Tracing.run("Child", c -> { }))).get());
            boolean leaked = pool.submit(() -> Tracing.current().isRecording()).get();

            org.assertj.core.api.Assertions.assertThat(leaked).isFalse();
            tracing().trace();
        }
    }

    @Nested
    class UnderASegment extends CarriesTheCurrentSubsegment {
        @RegisterExtension
        final TracingExtension tracing = TracingExtension.inSegment();

        @Override
        TracingExtension tracing() {
            return tracing;
        }
    }

    @Nested
    class UnderLambdasFacade extends CarriesTheCurrentSubsegment {
        @RegisterExtension
        final TracingExtension tracing = TracingExtension.inLambda();

        @Override
        TracingExtension tracing() {
            return tracing;
        }
    }
}
