package dev.xraytracing.benchmarks;

import com.amazonaws.xray.AWSXRayRecorder;
import com.amazonaws.xray.entities.Subsegment;
import dev.xraytracing.Tracing;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One subsegment around a trivial body, under an open segment: ours ({@code Tracing.sub}), the X-Ray SDK's
 * {@code createSubsegment}, and the X-Ray SDK used by hand (begin, try/catch/finally, end). Sampled runs include the
 * emit (serialization and UTF-8 encoding, no socket); see {@link TraceContexts}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SubsegmentBenchmark {
    static final String RESULT = "ok";

    @Benchmark
    public String sampled_ours_TracingSub(SegmentStates.OursSampled context) {
        return Tracing.sub("CallSecondLambda", s -> RESULT);
    }

    @Benchmark
    public String sampled_xray_createSubsegment(SegmentStates.XRaySampled context) {
        return context.recorder.createSubsegment("CallSecondLambda", () -> RESULT);
    }

    @Benchmark
    public String sampled_xray_beginEndByHand(SegmentStates.XRaySampled context) {
        return beginEndByHand(context.recorder);
    }

    /** The X-Ray SDK used by hand, as its documentation shows: begin, record a failure, end on every path. */
    static String beginEndByHand(AWSXRayRecorder recorder) {
        Subsegment subsegment = recorder.beginSubsegment("CallSecondLambda");
        try {
            return RESULT;
        } catch (RuntimeException e) {
            subsegment.addException(e);
            throw e;
        } finally {
            recorder.endSubsegment();
        }
    }

    @Benchmark
    public String unsampled_ours_TracingSub(SegmentStates.OursUnsampled context) {
        String result = Tracing.sub("CallSecondLambda", s -> RESULT);
        context.dropPendingBeyondStreamingLimit();
        return result;
    }

    @Benchmark
    public String unsampled_xray_createSubsegment(SegmentStates.XRayUnsampled context) {
        String result = context.recorder.createSubsegment("CallSecondLambda", () -> RESULT);
        context.dropPendingBeyondStreamingLimit();
        return result;
    }

    @Benchmark
    public String unsampled_xray_beginEndByHand(SegmentStates.XRayUnsampled context) {
        String result = beginEndByHand(context.recorder);
        context.dropPendingBeyondStreamingLimit();
        return result;
    }
}
