package dev.xraytracing.benchmarks;

import com.amazonaws.xray.AWSXRayRecorder;
import dev.xraytracing.Tracing;
import dev.xraytracing.internal.TracerCore;
import dev.xraytracing.otel.internal.DaemonSpanSinks;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code Tracing.sub} around a trivial body under an open segment, sampled and unsampled, on either backend in one run
 * ({@code backend}): {@code xray} sends segment documents, {@code opentelemetry} turns each into spans and encodes
 * them as the X-Ray UDP span exporter's datagram payload. Both pay for encoding the datagram's bytes and neither for
 * the socket ({@link SerializeOnlySink}); see {@link SubsegmentBenchmark} for how the segment stays bounded.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class BackendSubsegmentBenchmark {

    @Benchmark
    public String sampled_TracingSub(Sampled context) {
        return Tracing.sub("CallSecondLambda", s -> SubsegmentBenchmark.RESULT);
    }

    @Benchmark
    public String unsampled_TracingSub(Unsampled context) {
        String result = Tracing.sub("CallSecondLambda", s -> SubsegmentBenchmark.RESULT);
        context.dropPendingBeyondStreamingLimit();
        return result;
    }

    /** An open segment of a tracer of ours on the chosen backend. */
    @State(Scope.Thread)
    public abstract static class OnBackend extends SegmentStates.OpenSegment {
        @Param({"xray", "opentelemetry"})
        public String backend;

        final SerializeOnlySink sink = new SerializeOnlySink();

        @Override
        AWSXRayRecorder newRecorder() {
            TracerCore tracer = switch (backend) {
                case "xray" -> TraceContexts.oursTracer(sink);
                case "opentelemetry" -> new TracerCore(warnings -> DaemonSpanSinks.over(sink, warnings), null, true);
                default -> throw new IllegalArgumentException("backend " + backend);
            };
            return tracer.recorder();
        }

        @Override
        long bytesEncoded() {
            return sink.bytesEncoded;
        }
    }

    @State(Scope.Thread)
    public static class Sampled extends OnBackend {
        @Override
        boolean sampled() {
            return true;
        }
    }

    @State(Scope.Thread)
    public static class Unsampled extends OnBackend {
        @Override
        boolean sampled() {
            return false;
        }
    }
}
