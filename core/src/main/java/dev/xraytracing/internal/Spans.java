package dev.xraytracing.internal;

import com.amazonaws.xray.AWSXRayRecorder;
import com.amazonaws.xray.ThreadLocalStorage;
import com.amazonaws.xray.emitters.Emitter;
import com.amazonaws.xray.entities.Entity;
import com.amazonaws.xray.entities.FacadeSegment;
import com.amazonaws.xray.entities.Segment;
import com.amazonaws.xray.entities.Subsegment;
import com.amazonaws.xray.entities.SegmentImpl;
import com.amazonaws.xray.entities.SubsegmentImpl;
import com.amazonaws.xray.entities.TraceID;
import com.amazonaws.xray.strategy.StreamingStrategy;
import dev.xraytracing.internal.emit.DocumentEmitter;
import dev.xraytracing.internal.emit.LiveSpans;
import dev.xraytracing.internal.emit.RecorderEmitter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Opens and closes subsegments under the current entity. It replaces the X-Ray SDK's segment contexts so that the
 * same code works under a normal segment and under Lambda's facade, emits a subsegment whose parent is the facade
 * as soon as it ends, and never throws.
 */
public final class Spans {
    /**
     * The X-Ray SDK's default streaming threshold: a sampled segment of ours holding more subsegments sends its
     * finished subtrees early ({@link RecorderEmitter#streamSome}), as the SDK's default strategy would. Checked
     * here, so that a cold start loads neither that strategy nor the SDK's emitter.
     */
    private static final int STREAMING_THRESHOLD = 100;

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
            InvocationParent header = InvocationParent.current(core);
            // An unsampled invocation records nothing: decide from the header before building a facade for it.
            if (header == null || !header.sampled) {
                return null;
            }
            Segment facade = facadeFor(core, header);
            return openUnder(core, facade, facade, name);
        }
        Segment segment = parent.getParentSegment();
        if (!segment.isSampled()) {
            return null;
        }
        return openUnder(TracerCore.of(parent), parent, segment, name);
    }

    /**
     * Whether {@link #open} would record now: tracing is on and the current entity, or else the current invocation,
     * is sampled. Allocates nothing once the invocation's header was read.
     */
    public static boolean wouldRecord() {
        if (TracerCore.tracingOffHere()) {
            return false;
        }
        Entity parent = ThreadLocalStorage.get();
        if (parent != null) {
            return parent.getParentSegment().isSampled();
        }
        InvocationParent header = InvocationParent.current(TracerCore.current());
        return header != null && header.sampled;
    }

    /** Opens a recording subsegment under {@code parent}, which must be sampled, and makes it current. */
    public static Subsegment openUnder(TracerCore core, Entity parent, Segment segment, String name) {
        return openUnder(core, parent, segment, name, true);
    }

    /**
     * Opens the subsegment of an AWS SDK call under {@code parent} as {@link #openUnder(TracerCore, Entity, Segment,
     * String)} does; the caller makes its own entity current again, and the call may end on another thread.
     */
    public static Subsegment openCallUnder(TracerCore core, Entity parent, Segment segment, String name) {
        return openUnder(core, parent, segment, name, false);
    }

    private static Subsegment openUnder(TracerCore core, Entity parent, Segment segment, String name, boolean block) {
        Subsegment subsegment = newSubsegment(core, parent, segment, Names.sanitize(name, core.warnings()));
        if (subsegment instanceof LeanEntity) {
            LiveSpans live = core.liveSpans();
            if (live != null) {
                openLive(live, subsegment, parent, block);
            }
        }
        subsegment.setParent(parent);
        parent.addSubsegment(subsegment);
        ThreadLocalStorage.set(subsegment);
        return subsegment;
    }

    /** Gives {@code subsegment} the id of its live span (see {@link LiveSpans}); kept apart so the common path stays small. */
    private static void openLive(LiveSpans live, Subsegment subsegment, Entity parent, boolean block) {
        String id = live.open(subsegment, parent, block);
        if (id != null) {
            subsegment.setId(id);
        }
    }

    /**
     * A new subsegment for {@code parent}, neither current nor added to it yet. Under our lean entities (everything
     * under Lambda's function segment that the X-Ray SDK did not begin) it is one of ours; under the SDK's entities
     * (a segment begun with {@code AWSXRay.beginSegment}, or the SDK's own Lambda facade) it is the SDK's.
     */
    public static Subsegment newSubsegment(TracerCore core, Entity parent, Segment segment, String name) {
        if (parent instanceof LeanEntity) {
            return new LeanSubsegment(core, name, segment);
        }
        return new SubsegmentImpl(parent.getCreator(), name, segment);
    }

    /** Whether {@code entity} stands for Lambda's function segment: ours, or the X-Ray SDK's facade of it. */
    public static boolean isFacade(Entity entity) {
        return entity instanceof LeanFacade || (!(entity instanceof LeanEntity) && entity instanceof FacadeSegment);
    }

    /**
     * Ends {@code subsegment}, makes its parent current again (or nothing, under a facade) and emits what is complete.
     * A subsegment is sent as a document of its own (and taken out of its parent) when its parent is Lambda's
     * facade, when its parent had already ended or its segment had already been sent (late asynchronous work: sent
     * once, never lost and never sending the segment twice), and when the segment is owned by the X-Ray SDK (begun
     * with {@code AWSXRay.beginSegment}): there our emitter writes it, so the SDK's serializer never meets our values.
     */
    public static void close(Subsegment subsegment) {
        Entity parent = subsegment.getParent();
        if (isFacade(parent)) {
            closeUnder(subsegment, parent, true);
            return;
        }
        // Under a segment of ours, ending, testing "was the segment sent?" and sending it are one step: late
        // subsegments on other threads can each see the reference count fall to zero after the segment ended, and
        // without the lock the segment went out once per such subsegment, or a subsegment twice.
        Segment segment = subsegment.getParentSegment();
        if (segment == null) {
            closeUnder(subsegment, parent, false); // reports the broken entity without throwing
            return;
        }
        synchronized (segment) {
            closeUnder(subsegment, parent, false);
        }
    }

    private static void closeUnder(Subsegment subsegment, Entity parent, boolean underFacade) {
        try {
            ThreadLocalStorage.set(underFacade ? null : parent);
            boolean lean = subsegment instanceof LeanEntity;
            LiveSpans live = lean ? ((LeanEntity) subsegment).core.liveSpans() : null;
            if (live != null) {
                closeLive(live, subsegment, parent, underFacade);
                return;
            }
            // Ours never ask for a recorder: building one is most of what tracing costs a cold start.
            AWSXRayRecorder recorder = lean ? null : subsegment.getCreator();
            Segment segment = subsegment.getParentSegment();
            boolean segmentWasSent = !underFacade && segment.isEmitted();
            boolean parentEnded = !underFacade && !parent.isInProgress();
            boolean segmentComplete = subsegment.end();
            // Typed apart on purpose: mixing ours with the SDK's Emitter would make the verifier load that class.
            DocumentEmitter ours = lean ? ((LeanEntity) subsegment).core.emitter()
                    : RecorderEmitter.documentsOf(recorder.getEmitter());
            if (ours == null) {
                closeUnderForeignEmitter(subsegment, parent, segment, recorder, underFacade, parentEnded,
                        segmentComplete, segmentWasSent);
                return;
            }
            if (underFacade || isLate(segmentWasSent, parentEnded, segmentComplete)) {
                sendAlone(ours, subsegment, parent);
                return;
            }
            if (segmentComplete && !segmentWasSent) {
                segment.setEmitted(true); // the X-Ray SDK marks a segment emitted only in the segment's own end
                ours.sendSegment(segment); // the last one out: the segment, this subsegment in it, is sent now
            } else if (recorder != null) {
                streamAsTheRecorderDoes(recorder, segment);
            } else if (segment.isSampled() && segment.getTotalSize() != null
                    && segment.getTotalSize().intValue() > STREAMING_THRESHOLD) {
                RecorderEmitter.streamSome(segment, ours);
            }
        } catch (Throwable failure) {
            closeFailed(subsegment, failure);
        }
    }

    /**
     * Ends {@code subsegment} and its live span instead of sending a document: the backend sends spans. Taken out of
     * its parent where the X-Ray path would have sent it alone (under the facade, or after its parent ended).
     */
    private static void closeLive(LiveSpans live, Subsegment subsegment, Entity parent, boolean underFacade) {
        boolean parentEnded = !underFacade && !parent.isInProgress();
        subsegment.end();
        live.close(subsegment);
        if (underFacade || parentEnded) {
            parent.removeSubsegment(subsegment);
        }
    }

    /**
     * {@link #closeUnder} for a subsegment of a segment the X-Ray SDK owns whose recorder sends through an emitter of
     * its own (a user's): the subsegment still goes out through our emitter, as a document of its own, so the SDK's
     * serializer never meets our values; the segment goes through the recorder's emitter. Kept out of
     * {@link #closeUnder} so that the common path stays small.
     */
    private static void closeUnderForeignEmitter(Subsegment subsegment, Entity parent, Segment segment,
            AWSXRayRecorder recorder, boolean underFacade, boolean parentEnded, boolean segmentComplete,
            boolean segmentWasSent) {
        Emitter own = recorder.getEmitter();
        DocumentEmitter ours = TracerCore.of(subsegment).emitter();
        if (ours != null) {
            sendAlone(ours, subsegment, parent);
            if (!underFacade && segmentComplete && !segmentWasSent) {
                segment.setEmitted(true);
                own.sendSegment(segment); // the user ended it already; it waited for this one
            }
            return;
        }
        if (underFacade || isLate(segmentWasSent, parentEnded, segmentComplete)) {
            sendAlone(own, subsegment, parent);
            return;
        }
        if (segmentComplete && !segmentWasSent) {
            segment.setEmitted(true);
            own.sendSegment(segment);
        } else {
            streamAsTheRecorderDoes(recorder, segment);
        }
    }

    /** Sends {@code segment}'s finished subtrees early where its recorder's strategy asks, through its emitter. */
    private static void streamAsTheRecorderDoes(AWSXRayRecorder recorder, Segment segment) {
        StreamingStrategy streaming = recorder.getStreamingStrategy();
        if (streaming.requiresStreaming(segment)) {
            streaming.streamSome(segment, recorder.getEmitter());
        }
    }

    /**
     * Whether a subsegment is late work, to be sent as a document of its own: its segment was sent already or its
     * parent had ended, and it is not the subsegment whose end completes the segment (that one goes out inside it).
     */
    private static boolean isLate(boolean segmentWasSent, boolean parentEnded, boolean segmentComplete) {
        return (segmentWasSent || parentEnded) && !(segmentComplete && !segmentWasSent);
    }

    private static void closeFailed(Subsegment subsegment, Throwable failure) {
        TracerCore.of(subsegment).warnings().warn("close:" + failure.getClass().getName(),
                "could not close subsegment '" + subsegment.getName() + "'", failure);
    }

    /**
     * {@link #close} after the body threw {@code thrown}. After a stack overflow, the levels below this one may have
     * had too little stack left to close their subsegments: they are ended here, so that the segment still completes.
     */
    public static void closeAfterThrow(Subsegment subsegment, Throwable thrown) {
        if (thrown instanceof StackOverflowError) {
            try {
                endAbandoned(subsegment);
            } catch (Throwable failure) {
                TracerCore.of(subsegment).warnings().warn("close:abandoned", "could not end the subsegments left open "
                        + "under '" + subsegment.getName() + "' by a stack overflow", failure);
            }
        }
        close(subsegment);
    }

    private static void endAbandoned(Entity entity) {
        List<Subsegment> children = entity.getSubsegments();
        if (children == null || children.isEmpty()) {
            return;
        }
        for (Subsegment child : children.toArray(new Subsegment[0])) {
            if (child.isInProgress()) {
                endAbandoned(child);
                child.end();
                TracerCore.of(child).warnings().warn("close:overflow", "subsegment '" + child.getName() + "' was left "
                        + "open by a stack overflow in the traced code; it was ended with its parent");
            }
        }
    }

    private static void sendAlone(DocumentEmitter emitter, Subsegment subsegment, Entity parent) {
        sentAlone(emitter.sendSubsegment(subsegment), subsegment, parent);
    }

    private static void sendAlone(Emitter emitter, Subsegment subsegment, Entity parent) {
        sentAlone(emitter.sendSubsegment(subsegment), subsegment, parent);
    }

    private static void sentAlone(boolean sent, Subsegment subsegment, Entity parent) {
        if (!sent) {
            TracerCore.of(subsegment).warnings().warn("close:unsent", "the document of subsegment '" + subsegment.getName()
                    + "' could not be sent (see the warning before)");
        }
        parent.removeSubsegment(subsegment);
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
                request.put("method", Names.capHttpField(method, "method", core.warnings()));
            }
            if (path != null) {
                request.put("url", Names.capHttpField(path, "url", core.warnings()));
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
            synchronized (segment) { // see close
                if (segment.end() && segment.isSampled()) {
                    segment.getCreator().getEmitter().sendSegment(segment);
                }
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
    public static Segment facadeForCurrentInvocation(TracerCore core) {
        InvocationParent header = InvocationParent.current(core);
        return header == null ? null : facadeFor(core, header);
    }

    /** Whether the Lambda invocation this thread serves is sampled; false outside Lambda. Parses once per header. */
    public static boolean currentInvocationIsSampled(TracerCore core) {
        InvocationParent header = InvocationParent.current(core);
        return header != null && header.sampled;
    }

    /** Whether {@code id} is an X-Ray entity id: 16 lower- or upper-case hex digits. */
    static boolean isEntityId(String id) {
        if (id == null || id.length() != 16) {
            return false;
        }
        for (int i = 0; i < 16; i++) {
            char c = id.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
                return false;
            }
        }
        return true;
    }

    private static Segment facadeFor(TracerCore core, InvocationParent header) {
        return new LeanFacade(core, header.rootTraceId, header.parentId, header.sampled);
    }
}
