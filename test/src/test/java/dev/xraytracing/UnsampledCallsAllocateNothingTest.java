package dev.xraytracing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xraytracing.testing.TracingExtension;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Under an unsampled context a traced call allocates nothing, whichever tracer is current: finding the tracer is not
 * on that path. Counted with the JVM's per-thread allocation counter over many calls, after a warm-up (the first
 * call under a Lambda header parses it once); the figure is printed. A one-off of a few kilobytes while the JIT
 * compiles the loop can show up; spread over the calls it stays below one byte each, which is what is asserted.
 */
class UnsampledCallsAllocateNothingTest {
    private static final int CALLS = 200_000;

    @Nested
    class UnderAnUnsampledSegment {
        @RegisterExtension
        final TracingExtension tracing = TracingExtension.inSegment().unsampled();

        @Test
        void aSubAllocatesNothing() {
            assertThat(bytesPerCall()).isZero();
        }
    }

    @Nested
    class UnderAnUnsampledLambdaInvocation {
        @RegisterExtension
        final TracingExtension tracing = TracingExtension.inLambda().unsampled();

        @Test
        void aSubAllocatesNothing() {
            assertThat(bytesPerCall()).isZero();
        }
    }

    static long bytesPerCall() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        for (int i = 0; i < CALLS; i++) {
            Tracing.sub("CallSecondLambda", s -> "ok");
        }
        long before = threads.getThreadAllocatedBytes(thread);
        for (int i = 0; i < CALLS; i++) {
            Tracing.sub("CallSecondLambda", s -> "ok");
        }
        long allocated = threads.getThreadAllocatedBytes(thread) - before;
        System.out.println("unsampled Tracing.sub: " + allocated + " bytes over " + CALLS + " calls");
        return allocated / CALLS;
    }
}
