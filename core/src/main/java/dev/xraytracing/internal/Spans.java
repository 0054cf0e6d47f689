package dev.xraytracing.internal;

import com.amazonaws.xray.AWSXRayRecorder;
import com.amazonaws.xray.ThreadLocalStorage;
import com.amazonaws.xray.entities.Entity;
import com.amazonaws.xray.entities.FacadeSegment;
import com.amazonaws.xray.entities.Segment;
import com.amazonaws.xray.entities.Subsegment;
import com.amazonaws.xray.entities.SegmentImpl;
import com.amazonaws.xray.entities.SubsegmentImpl;
import com.amazonaws.xray.entities.TraceID;
import java.util.HashMap;
import java.util.Map;

/**
 * Opens and closes subsegments under the current entity. It replaces the X-Ray SDK's segment contexts so that the
 * same code works under a normal segment and under Lambda's facade, emits a subsegment whose parent is the facade
 * as soon as it ends, and never throws.
 */
public final class Spans {
    private Spans() {
    }

    /** The parent a new subsegment would get now, or null when there is no trace context. */
    public static Entity currentParent(TracerCore core) {
        Entity current = ThreadLocalStorage.get();
        return current != null ? current : facadeForCurrentInvocation(core);
    }

    /**
     * Opens a recording subsegment named {@code name} under the current entity and makes it current. Returns null,
     * without allocating when a context is present, if this call is not to be recorded: unsampled, or no context.
     */
    public static Subsegment open(String name) {
        Entity parent = ThreadLocalStorage.get();
        if (parent == null) {
            TracerCore core = TracerCore.current();
            LambdaHeader header = currentLambdaHeader(core);
            // An unsampled invocation records nothing: decide from the header before building a facade for it.
            if (header == null || !header.sampled) {
                return null;
            }
            FacadeSegment facade = facadeFor(core, header);
            return openUnder(core, facade, facade, name);
        }
        Segment segment = parent.getParentSegment();
        if (!segment.isSampled()) {
            return null;
        }
        return openUnder(TracerCore.of(parent), parent, segment, name);
    }

    /** Opens a recording subsegment under {@code parent}, which must be sampled, and makes it current. */
    public static Subsegment openUnder(TracerCore core, Entity parent, Segment segment, String name) {
        Subsegment subsegment = new SubsegmentImpl(parent.getCreator(), Names.sanitize(name, core.warnings()), segment);
        subsegment.setParent(parent);
        parent.addSubsegment(subsegment);
        ThreadLocalStorage.set(subsegment);
        return subsegment;
    }

    /**
     * Ends {@code subsegment}, makes its parent current again (or nothing, under a facade) and emits what is complete.
     */
    public static void close(Subsegment subsegment) {
        Entity parent = subsegment.getParent();
        boolean underFacade = parent instanceof FacadeSegment;
        try {
            ThreadLocalStorage.set(underFacade ? null : parent);
            AWSXRayRecorder recorder = subsegment.getCreator();
            boolean segmentComplete = subsegment.end();
            Segment segment = subsegment.getParentSegment();
            if (underFacade) {
                recorder.getEmitter().sendSubsegment(subsegment);
                parent.removeSubsegment(subsegment);
            } else if (segmentComplete) {
                recorder.getEmitter().sendSegment(segment);
            } else if (recorder.getStreamingStrategy().requiresStreaming(segment)) {
                recorder.getStreamingStrategy().streamSome(segment, recorder.getEmitter());
            }
        } catch (Throwable failure) {
            TracerCore.of(subsegment).warnings().warn("close:" + failure.getClass().getName(),
                    "could not close subsegment '" + subsegment.getName() + "'", failure);
        }
    }

    /**
     * Starts a new trace with a segment named {@code name}, sampled by the local rules, and makes it current. Never
     * null: an unsampled segment is current too, so that everything under it costs nothing.
     */
    public static Segment startSegment(TracerCore core, String name, String method, String path) {
        AWSXRayRecorder recorder = core.recorder();
        String safeName = Names.sanitize(name, core.warnings());
        SegmentImpl segment = new SegmentImpl(recorder, safeName, TraceID.create(recorder));
        segment.setSampled(core.sampling().shouldTrace(safeName, method, path));
        if (method != null || path != null) {
            Map<String, Object> request = new HashMap<>();
            if (method != null) {
                request.put("method", method);
            }
            if (path != null) {
                request.put("url", path);
            }
            segment.putHttp("request", request);
        }
        ThreadLocalStorage.set(segment);
        return segment;
    }

    /** Ends a segment from {@link #startSegment}, clears the context and sends it if it is sampled and complete. */
    public static void finishSegment(Segment segment) {
        try {
            ThreadLocalStorage.clear();
            if (segment.end() && segment.isSampled()) {
                segment.getCreator().getEmitter().sendSegment(segment);
            }
        } catch (Throwable failure) {
            TracerCore.of(segment).warnings().warn("finish:" + failure.getClass().getName(),
                    "could not finish segment '" + segment.getName() + "'", failure);
        }
    }

    /**
     * A facade for the Lambda invocation this thread serves, from the header the runtime passed, or null outside
     * Lambda. Lambda owns the function segment; we only learn its ids.
     */
    public static FacadeSegment facadeForCurrentInvocation(TracerCore core) {
        LambdaHeader header = currentLambdaHeader(core);
        return header == null ? null : facadeFor(core, header);
    }

    /** Whether the Lambda invocation this thread serves is sampled; false outside Lambda. Parses once per header. */
    public static boolean currentInvocationIsSampled(TracerCore core) {
        LambdaHeader header = currentLambdaHeader(core);
        return header != null && header.sampled;
    }

    /** The current invocation's parsed trace header, or null outside Lambda or when it is incomplete (logged once). */
    private static LambdaHeader currentLambdaHeader(TracerCore core) {
        String header = LambdaTraceHeader.current();
        if (header == null) {
            return null;
        }
        LambdaHeader parsed = core.lastLambdaHeader();
        if (parsed == null || !parsed.isFor(header)) {
            parsed = LambdaHeader.parse(header);
            if (parsed == null) {
                core.warnings().warn("header:incomplete",
                        "the Lambda trace header lacks Root, Parent or Sampled; nothing is recorded for it: " + header);
                return null;
            }
            core.rememberLambdaHeader(parsed);
        }
        return parsed;
    }

    private static FacadeSegment facadeFor(TracerCore core, LambdaHeader header) {
        return new FacadeSegment(core.recorder(), header.rootTraceId, header.parentId,
                header.sampled ? com.amazonaws.xray.entities.TraceHeader.SampleDecision.SAMPLED
                        : com.amazonaws.xray.entities.TraceHeader.SampleDecision.NOT_SAMPLED);
    }
}
