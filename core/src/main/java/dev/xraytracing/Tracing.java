package dev.xraytracing;

import com.amazonaws.xray.ThreadLocalStorage;
import com.amazonaws.xray.entities.Entity;
import com.amazonaws.xray.entities.Segment;
import com.amazonaws.xray.entities.Subsegment;
import dev.xraytracing.internal.LambdaTraceHeader;
import dev.xraytracing.internal.Outcomes;
import dev.xraytracing.internal.Spans;
import dev.xraytracing.internal.TracerCore;
import dev.xraytracing.internal.fault.FaultSite;
import dev.xraytracing.internal.log.WarnOnce;
import dev.xraytracing.internal.status.StatusRecording;

/**
 * The entry point. {@code Tracing.sub("CallSecondLambda", s -> lambda.invoke(request))} opens a subsegment under the
 * current one, runs the body, records what went wrong, and closes the subsegment on every path.
 *
 * <p>Guarantees, for every method here:
 * <ul>
 *   <li>No exception from tracing reaches the caller; the body's own exceptions, checked ones too, pass through
 *       unchanged.</li>
 *   <li>Without a trace context (outside Lambda, no open segment) the body runs and nothing is recorded; one warning
 *       per tracer says so. Under an unsampled context a call costs a thread-local read and allocates nothing.</li>
 *   <li>With tracing switched off ({@code XRAY_TRACING_ENABLED=false}, docs/configuration.md) every body runs and
 *       nothing is recorded, silently.</li>
 * </ul>
 *
 * <p>Every method works with the {@link Tracer} that created the current entity, else the thread's current tracer
 * (a test's own, see {@link Tracer#makeCurrent()}), else the process-wide default ({@link Tracer#setDefault}).
 */
public final class Tracing {
    private Tracing() {
    }

    /**
     * Runs {@code body} in a subsegment named {@code name} and returns what it returns. A thrown exception is recorded
     * (cause and fault; an AWS service's exception gets the flags of its status, marked remote) and rethrown, the
     * same instance; a result that carries a status of 300 or more (any AWS SDK response, a Lambda function error, an
     * API Gateway response, or a type taught through {@link dev.xraytracing.status.StatusReader}) is recorded as a
     * failure with the flags X-Ray expects.
     */
    public static <T, E extends Throwable> T sub(String name, SubFunction<T, E> body) throws E {
        Subsegment subsegment;
        try {
            subsegment = open(name);
        } catch (Throwable ownOverflow) {
            subsegment = null; // only a nearly exhausted stack gets here: the body runs untraced
        }
        if (subsegment == null) {
            if (FaultSite.PRESENT) {
                throwFault(name, null);
            }
            return body.apply(Sub.NOT_RECORDING);
        }
        T result;
        try {
            if (FaultSite.PRESENT) {
                throwFault(name, subsegment);
            }
            result = body.apply(new Sub(subsegment));
        } catch (Throwable thrown) {
            try {
                closeAfterThrow(subsegment, thrown);
            } catch (Throwable ownOverflow) {
                // The call itself overflowed the stack: the body's own error goes on; an outer level closes this one.
            }
            throw thrown;
        }
        try {
            recordResult(subsegment, result);
        } catch (Throwable ownOverflow) {
            // Only a nearly exhausted stack gets here: closing matters more.
        }
        try {
            Spans.close(subsegment);
        } catch (Throwable ownOverflow) {
            // As above; the enclosing subsegment's close ends this one.
        }
        return result;
    }

    /**
     * Runs {@code body}, which returns nothing, in a subsegment named {@code name}. A separate name from
     * {@link #sub} keeps {@code s -> client.call()} unambiguous for the compiler whichever shape is meant.
     */
    public static <E extends Throwable> void run(String name, SubRunnable<E> body) throws E {
        Subsegment subsegment;
        try {
            subsegment = open(name);
        } catch (Throwable ownOverflow) {
            subsegment = null; // only a nearly exhausted stack gets here: the body runs untraced
        }
        if (subsegment == null) {
            if (FaultSite.PRESENT) {
                throwFault(name, null);
            }
            body.run(Sub.NOT_RECORDING);
            return;
        }
        try {
            if (FaultSite.PRESENT) {
                throwFault(name, subsegment);
            }
            body.run(new Sub(subsegment));
        } catch (Throwable thrown) {
            try {
                closeAfterThrow(subsegment, thrown);
            } catch (Throwable ownOverflow) {
                // The call itself overflowed the stack: the body's own error goes on; an outer level closes this one.
            }
            throw thrown;
        }
        try {
            Spans.close(subsegment);
        } catch (Throwable ownOverflow) {
            // Only a nearly exhausted stack gets here; the enclosing subsegment's close ends this one.
        }
    }

    /**
     * Starts a trace where nothing else does (a local main, a container, a test): runs {@code body} in a new segment
     * named {@code name}, sampled by the local rules (docs/sampling.md), and sends the segment when the body ends,
     * recording exceptions and failing statuses as {@link #sub} does. Inside a trace already (an open segment, a
     * Lambda invocation) a segment cannot start, so this opens a subsegment instead.
     */
    public static <T, E extends Throwable> T segment(String name, SubFunction<T, E> body) throws E {
        return segment(name, null, null, body);
    }

    /** {@link #segment(String, SubFunction)} for an HTTP request: sampling rules can match its method and path. */
    public static <T, E extends Throwable> T segment(String name, String method, String path, SubFunction<T, E> body)
            throws E {
        Segment segment = startSegment(name, method, path);
        if (segment == null) {
            return sub(name, body);
        }
        boolean sampled = segment.isSampled();
        T result;
        try {
            result = body.apply(sampled ? new Sub(segment) : Sub.NOT_RECORDING);
        } catch (Throwable thrown) {
            try {
                if (sampled) {
                    recordThrown(segment, thrown);
                }
            } catch (Throwable ownOverflow) {
                // Only a nearly exhausted stack gets here (our handler overflowed too): the body's error goes on.
            }
            try {
                Spans.finishSegment(segment);
            } catch (Throwable ownOverflow) {
                // As above.
            }
            throw thrown;
        }
        if (sampled) {
            recordResult(segment, result);
        }
        Spans.finishSegment(segment);
        return result;
    }

    /** A new root segment, or null when a trace is already current (or starting one failed). */
    private static Segment startSegment(String name, String method, String path) {
        TracerCore core = null;
        try {
            core = TracerCore.current();
            if (core.tracingOff()) {
                return null;
            }
            return Spans.currentParent(core) == null ? Spans.startSegment(core, name, method, path) : null;
        } catch (Throwable failure) {
            warnings(core).warn("segment:" + failure.getClass().getName(),
                    "could not start segment '" + name + "'; the body runs as a subsegment or untraced", failure);
            return null;
        }
    }

    /**
     * The handle of the innermost open subsegment on this thread, for code that did not get one passed in. When none
     * is open (or only Lambda's read-only function segment is), it is a handle that records nothing.
     */
    public static Sub current() {
        if (TracerCore.tracingOffHere()) {
            return Sub.NOT_RECORDING;
        }
        Entity entity = ThreadLocalStorage.get();
        if (entity != null && !Spans.isFacade(entity) && entity.getParentSegment().isSampled()) {
            return new Sub(entity);
        }
        try {
            TracerCore core = entity != null ? TracerCore.of(entity) : TracerCore.current();
            if (entity != null || LambdaTraceHeader.currentIsSampled(core)) {
                core.warnings().warn("current:none", "annotations or metadata were added where no "
                        + "subsegment is open (Lambda's function segment cannot take them); open one with Tracing.sub "
                        + "or use a traced handler");
            }
        } catch (Throwable failure) {
            // Only a warning was at stake; the handle that records nothing is the answer either way.
        }
        return Sub.NOT_RECORDING;
    }

    /** Annotates the innermost open subsegment; see {@link Sub#annotate(String, String)}. */
    public static void annotate(String key, String value) {
        current().annotate(key, value);
    }

    public static void annotate(String key, Number value) {
        current().annotate(key, value);
    }

    public static void annotate(String key, boolean value) {
        current().annotate(key, value);
    }

    /** Adds metadata to the innermost open subsegment, under the {@code default} namespace. */
    public static void metadata(String key, Object value) {
        current().metadata(key, value);
    }

    public static void metadata(String namespace, String key, Object value) {
        current().metadata(namespace, key, value);
    }

    private static Subsegment open(String name) {
        try {
            if (TracerCore.tracingOffHere()) {
                return null;
            }
            Subsegment subsegment = Spans.open(name);
            if (subsegment == null && ThreadLocalStorage.get() == null && LambdaTraceHeader.current() == null) {
                warnNoContext();
            }
            return subsegment;
        } catch (Throwable failure) {
            warnOpenFailed(name, failure);
            return null;
        }
    }

    private static void warnNoContext() {
        TracerCore.current().warnings().warn("context:none", "no trace context (no open segment and no Lambda "
                + "trace header): traced code runs, but nothing is recorded");
    }

    private static void warnOpenFailed(String name, Throwable failure) {
        TracerCore.current().warnings().warn("open:" + failure.getClass().getName(),
                "could not open subsegment '" + name + "'; the body runs untraced", failure);
    }

    /**
     * Records {@code thrown} and closes the subsegment. Never throws, not even when the body overflowed the stack and
     * our own handling overflows again; then a level further up closes what this one left open.
     */
    private static void closeAfterThrow(Subsegment subsegment, Throwable thrown) {
        try {
            recordThrown(subsegment, thrown);
        } catch (Throwable ownOverflow) {
            // Only a nearly exhausted stack gets here: the body's own error matters more.
        }
        try {
            Spans.closeAfterThrow(subsegment, thrown);
        } catch (Throwable ownOverflow) {
            // As above; the enclosing subsegment's close ends this one.
        }
    }

    private static void recordThrown(Entity subsegment, Throwable thrown) {
        try {
            Outcomes.recordException(subsegment, thrown);
        } catch (Throwable failure) {
            warnings(subsegment).warn("record:" + failure.getClass().getName(),
                    "could not record an exception on '" + subsegment.getName() + "'", failure);
        }
    }

    private static void recordResult(Entity subsegment, Object result) {
        if (result == null) {
            return;
        }
        try {
            StatusRecording.recordResult(TracerCore.of(subsegment), subsegment, result);
        } catch (Throwable failure) {
            warnings(subsegment).warn("status:" + result.getClass().getName(),
                    "could not read the status of a " + result.getClass().getName(), failure);
        }
    }

    /** Throws what a fault rule for block {@code name} injects (xray-tracing-faults), as if the body had thrown it. */
    private static void throwFault(String name, Subsegment subsegment) {
        RuntimeException injected = FaultSite.beforeBlock(name, subsegment);
        if (injected != null) {
            throw injected;
        }
    }

    private static WarnOnce warnings(Entity entity) {
        return entity != null ? TracerCore.of(entity).warnings() : TracerCore.current().warnings();
    }

    private static WarnOnce warnings(TracerCore core) {
        return core != null ? core.warnings() : TracerCore.current().warnings();
    }
}
