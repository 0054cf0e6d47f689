package dev.xraytracing.benchmarks;

import com.amazonaws.xray.AWSXRayRecorder;
import com.amazonaws.xray.ThreadLocalStorage;
import com.amazonaws.xray.contexts.LambdaSegmentContext;
import com.amazonaws.xray.contexts.SegmentContextResolverChain;
import dev.xraytracing.Tracing;
import dev.xraytracing.internal.LambdaTraceHeader;
import dev.xraytracing.internal.TracerCore;
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
import software.amazon.awssdk.utilslite.SdkInternalThreadLocal;

/**
 * The shape of a traced Lambda handler: no open segment on the thread, only the runtime's trace header (here in the
 * thread-local the Java runtime uses, which both sides read first). Each subsegment hangs under Lambda's function
 * segment, so each is serialized and emitted as a document of its own as soon as it ends, on both sides.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class LambdaFacadeBenchmark {
    static final String RESULT = "ok";
    static final String HEADER = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1";
    static final String UNSAMPLED_HEADER = HEADER.replace("Sampled=1", "Sampled=0");

    /** Our tracer as the process-wide default, as in Lambda (a benchmark runs in a fork of its own). */
    @State(Scope.Thread)
    public static class OursInLambda {
        String header() {
            return HEADER;
        }

        final SerializeOnlySink sink = new SerializeOnlySink();

        @Setup(Level.Trial)
        public void enter() {
            ThreadLocalStorage.clear();
            SdkInternalThreadLocal.put(LambdaTraceHeader.THREAD_LOCAL_KEY, header());
            TracerCore.setDefault(TraceContexts.oursTracer(sink));
        }

        @TearDown(Level.Trial)
        public void leave() {
            TracerCore.setDefault(TracerCore.fromEnvironment());
            SdkInternalThreadLocal.remove(LambdaTraceHeader.THREAD_LOCAL_KEY);
            if (header() == HEADER && sink.bytesEncoded == 0) {
                throw new IllegalStateException("nothing was emitted");
            }
        }
    }

    /** An X-Ray SDK recorder with the Lambda segment context it picks when it runs in Lambda. */
    @State(Scope.Thread)
    public static class XRayInLambda {
        String header() {
            return HEADER;
        }

        final SerializeOnlyEmitter emitter = new SerializeOnlyEmitter();
        AWSXRayRecorder recorder;

        @Setup(Level.Trial)
        public void enter() {
            ThreadLocalStorage.clear();
            SdkInternalThreadLocal.put(LambdaTraceHeader.THREAD_LOCAL_KEY, header());
            recorder = TraceContexts.xrayRecorder(emitter);
            SegmentContextResolverChain lambdaOnly = new SegmentContextResolverChain();
            lambdaOnly.addResolver(LambdaSegmentContext::new);
            recorder.setSegmentContextResolverChain(lambdaOnly);
        }

        @TearDown(Level.Trial)
        public void leave() {
            SdkInternalThreadLocal.remove(LambdaTraceHeader.THREAD_LOCAL_KEY);
            if (header() == HEADER && emitter.bytesEncoded == 0) {
                throw new IllegalStateException("nothing was emitted");
            }
        }
    }

    /** An invocation the trace header marks as not sampled. */
    @State(Scope.Thread)
    public static class OursInUnsampledLambda extends OursInLambda {
        @Override
        String header() {
            return UNSAMPLED_HEADER;
        }
    }

    /** An invocation the trace header marks as not sampled. */
    @State(Scope.Thread)
    public static class XRayInUnsampledLambda extends XRayInLambda {
        @Override
        String header() {
            return UNSAMPLED_HEADER;
        }
    }

    @Benchmark
    public String lambdaUnsampled_ours_TracingSub(OursInUnsampledLambda context) {
        return Tracing.sub("CallSecondLambda", s -> RESULT);
    }

    @Benchmark
    public String lambdaUnsampled_xray_createSubsegment(XRayInUnsampledLambda context) {
        return context.recorder.createSubsegment("CallSecondLambda", () -> RESULT);
    }

    @Benchmark
    public String lambda_ours_TracingSub(OursInLambda context) {
        return Tracing.sub("CallSecondLambda", s -> RESULT);
    }

    @Benchmark
    public String lambda_xray_createSubsegment(XRayInLambda context) {
        return context.recorder.createSubsegment("CallSecondLambda", () -> RESULT);
    }

    @Benchmark
    public String lambda_xray_beginEndByHand(XRayInLambda context) {
        return SubsegmentBenchmark.beginEndByHand(context.recorder);
    }
}
