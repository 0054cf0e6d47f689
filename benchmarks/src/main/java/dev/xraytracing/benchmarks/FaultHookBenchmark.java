package dev.xraytracing.benchmarks;

import dev.xraytracing.Tracing;
import dev.xraytracing.internal.TracerCore;
import dev.xraytracing.internal.fault.BlockFaultFilter;
import dev.xraytracing.internal.fault.FaultSite;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * What the fault-injection hook costs when no rule matches (issue 13): an unsampled and a sampled
 * {@code Tracing.sub}, and an SDK call through our interceptor, in a JVM whose configuration names two rules for other
 * targets ({@link #RULES_FOR_OTHER_TARGETS}: another SDK call, another block), and an unsampled one with no block
 * rule at all ({@link #NO_BLOCK_RULE}). Whether the faults module is there is the class path's choice:
 * {@code java -jar benchmarks.jar} runs without it; with {@code target/faults/faults.classpath} added in front
 * (docs/benchmarks.md) the same benchmarks run with it, and {@link ModulePresence} checks that the tracer then has
 * a fault hook, so the figures are those of "module present, rules loaded, none matching".
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = FaultHookBenchmark.RULES_FOR_OTHER_TARGETS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class FaultHookBenchmark {
    /** Two rules, neither for {@code CallSecondLambda} nor for {@code Lambda.Invoke}: every site looks and passes. */
    static final String RULES_FOR_OTHER_TARGETS =
            "-Dxraytracing.faults=sdk:DynamoDB.GetItem=status:500;block:SomewhereElse=latency:50ms";
    /** One rule for another SDK call and none for any block: block sites can skip the hook altogether. */
    static final String NO_BLOCK_RULE = "-Dxraytracing.faults=sdk:DynamoDB.GetItem=status:500";

    /**
     * Says, once per fork, which case runs, and fails it when the module is present but the rules did not load.
     * Asking for the hooks is what a function's first invocation does at the handler's start; the unsampled
     * segment's own tracer is asked too, since only the default tracer serves a block that is not recorded.
     */
    /**
     * {@code -Dbenchmarks.faults.control=true}, without the module: make the two {@link ThreadLocal}s the fault
     * injector makes. A new thread-local shifts the hash of every one made after it, and with it where they sit in
     * the benchmark thread's map, so the lookups on the unsampled path may collide or not: that alone moves an
     * unsampled {@code Tracing.sub} by a few nanoseconds, either way, with or without faults.
     */
    static final String CONTROL_PROPERTY = "benchmarks.faults.control";
    private static final List<ThreadLocal<Object>> CONTROL_THREAD_LOCALS = new ArrayList<>();

    @State(Scope.Benchmark)
    public static class ModulePresence {
        @Setup(Level.Trial)
        public void check() {
            if (!FaultSite.PRESENT && Boolean.getBoolean(CONTROL_PROPERTY)) {
                // The control: the two thread-locals a fault injector makes, and nothing else (docs/benchmarks.md).
                CONTROL_THREAD_LOCALS.add(new ThreadLocal<Object>());
                CONTROL_THREAD_LOCALS.add(new ThreadLocal<Object>());
            }
            TracerCore core = TracerCore.current();
            boolean hooked = FaultSite.hook(core) != null;
            System.out.println("# faults module " + (FaultSite.PRESENT ? "present" : "absent")
                    + ", fault hook " + (hooked ? "loaded" : "none"));
            if (FaultSite.PRESENT && !hooked) {
                throw new IllegalStateException("the faults module is present but its rules did not load");
            }
        }

        @TearDown(Level.Trial)
        public void report() {
            System.out.println("# every tracer's fault hook decided: " + BlockFaultFilter.allFaultHooksDecided());
        }
    }

    /** An unsampled segment whose tracer has decided its fault hook, as a function's has after its first request. */
    @State(Scope.Thread)
    public static class Unsampled extends SegmentStates.OursUnsampled {
        @Override
        public void open() {
            super.open();
            FaultSite.hook(TracerCore.of(segment));
        }
    }

    @Benchmark
    public String unsampled_TracingSub(Unsampled context, ModulePresence presence) {
        String result = Tracing.sub("CallSecondLambda", s -> SubsegmentBenchmark.RESULT);
        context.dropPendingBeyondStreamingLimit();
        return result;
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = NO_BLOCK_RULE)
    public String unsampled_TracingSub_noBlockRule(Unsampled context, ModulePresence presence) {
        String result = Tracing.sub("CallSecondLambda", s -> SubsegmentBenchmark.RESULT);
        context.dropPendingBeyondStreamingLimit();
        return result;
    }

    @Benchmark
    public String sampled_TracingSub(SegmentStates.OursSampled context, ModulePresence presence) {
        return Tracing.sub("CallSecondLambda", s -> SubsegmentBenchmark.RESULT);
    }

    @Benchmark
    public InvokeResponse invoke_LambdaClient(SdkInterceptorBenchmark.OursTraced context, ModulePresence presence) {
        return context.client.invoke(SdkInterceptorBenchmark.REQUEST);
    }
}
