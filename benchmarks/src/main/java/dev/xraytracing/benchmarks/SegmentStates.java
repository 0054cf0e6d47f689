package dev.xraytracing.benchmarks;

import com.amazonaws.xray.AWSXRayRecorder;
import com.amazonaws.xray.entities.Segment;
import com.amazonaws.xray.entities.Subsegment;
import java.util.List;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** One open segment per benchmark thread, ours or the X-Ray SDK's, sampled or not. */
public final class SegmentStates {
    private SegmentStates() {
    }

    /** The streaming strategy flushes above 100 finished subsegments; anything beyond would be a leak. */
    private static final int MAX_PENDING_SUBSEGMENTS = 101;

    public abstract static class OpenSegment {
        AWSXRayRecorder recorder;
        Segment segment;

        abstract AWSXRayRecorder newRecorder();

        abstract boolean sampled();

        abstract long bytesEncoded();

        /**
         * The X-Ray SDK adds a no-op subsegment to an unsampled segment for every call and never streams them, so
         * the list would grow by millions during a run. Unsampled benchmarks call this after each operation, on
         * both sides, to keep the parent as small as a real invocation's: the check costs the same for both.
         */
        public void dropPendingBeyondStreamingLimit() {
            List<Subsegment> pending = segment.getSubsegments();
            if (pending.size() >= MAX_PENDING_SUBSEGMENTS) {
                pending.clear();
            }
        }

        @Setup(Level.Trial)
        public void open() {
            recorder = newRecorder();
            segment = TraceContexts.openSegment(recorder, sampled());
        }

        /** Fails the run if the comparison was not what it claims: nothing emitted, or a growing segment. */
        @TearDown(Level.Trial)
        public void close() {
            int pending = segment.getSubsegments().size();
            TraceContexts.closeSegment(segment);
            if (pending > MAX_PENDING_SUBSEGMENTS) {
                throw new IllegalStateException(pending + " subsegments piled up under the open segment");
            }
            if (sampled() && bytesEncoded() == 0) {
                throw new IllegalStateException("a sampled run emitted nothing");
            }
        }
    }

    public abstract static class Ours extends OpenSegment {
        final SerializeOnlySink sink = new SerializeOnlySink();

        @Override
        AWSXRayRecorder newRecorder() {
            return TraceContexts.oursRecorder(sink);
        }

        @Override
        long bytesEncoded() {
            return sink.bytesEncoded;
        }
    }

    public abstract static class XRay extends OpenSegment {
        final SerializeOnlyEmitter emitter = new SerializeOnlyEmitter();

        @Override
        AWSXRayRecorder newRecorder() {
            return TraceContexts.xrayRecorder(emitter);
        }

        @Override
        long bytesEncoded() {
            return emitter.bytesEncoded;
        }
    }

    @State(Scope.Thread)
    public static class OursSampled extends Ours {
        @Override
        boolean sampled() {
            return true;
        }
    }

    @State(Scope.Thread)
    public static class OursUnsampled extends Ours {
        @Override
        boolean sampled() {
            return false;
        }
    }

    @State(Scope.Thread)
    public static class XRaySampled extends XRay {
        @Override
        boolean sampled() {
            return true;
        }
    }

    @State(Scope.Thread)
    public static class XRayUnsampled extends XRay {
        @Override
        boolean sampled() {
            return false;
        }
    }
}
