package dev.xraytracing.benchmarks;

import com.amazonaws.xray.AWSXRayRecorder;
import com.amazonaws.xray.AWSXRayRecorderBuilder;
import com.amazonaws.xray.ThreadLocalStorage;
import com.amazonaws.xray.entities.Segment;
import com.amazonaws.xray.strategy.sampling.AllSamplingStrategy;
import dev.xraytracing.internal.TracerCore;

/**
 * An open segment on the benchmark thread, made by our lean recorder or by an X-Ray SDK recorder, each with an
 * emitter that serializes as its UDP emitter would and sends nowhere.
 *
 * <p>Both recorders keep the SDK's default streaming strategy: once a segment holds more than 100 subsegments, the
 * finished ones are serialized, emitted and removed. So every subsegment a benchmark ends is emitted exactly once,
 * and the open segment's subsegment list stays bounded however long the run is, on both sides alike.
 */
final class TraceContexts {
    private TraceContexts() {
    }

    /** The recorder of a tracer of ours that sends to {@code sink}. */
    static AWSXRayRecorder oursRecorder(SerializeOnlySink sink) {
        return oursTracer(sink).recorder();
    }

    static TracerCore oursTracer(SerializeOnlySink sink) {
        return new TracerCore(warnings -> sink, null, true);
    }

    /**
     * The X-Ray SDK's recorder, configured as favourably as ours: sampling decided up front (the segment says
     * whether it is sampled) and the fast id generator. Its emitter serializes with Jackson, as the SDK does.
     */
    static AWSXRayRecorder xrayRecorder(SerializeOnlyEmitter emitter) {
        return AWSXRayRecorderBuilder.standard()
                .withEmitter(emitter)
                .withSamplingStrategy(new AllSamplingStrategy())
                .withFastIdGenerator()
                .build();
    }

    /** Begins a segment on this thread and makes it current; {@code sampled=false} makes it an unsampled one. */
    static Segment openSegment(AWSXRayRecorder recorder, boolean sampled) {
        Segment segment = recorder.beginSegment("benchmark");
        if (!sampled) {
            segment.setSampled(false);
        }
        ThreadLocalStorage.set(segment);
        return segment;
    }

    static void closeSegment(Segment segment) {
        ThreadLocalStorage.set(segment);
        segment.getCreator().endSegment();
        ThreadLocalStorage.clear();
    }
}
