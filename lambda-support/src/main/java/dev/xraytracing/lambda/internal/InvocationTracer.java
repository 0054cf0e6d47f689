package dev.xraytracing.lambda.internal;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.xray.ThreadLocalStorage;
import com.amazonaws.xray.entities.Segment;
import com.amazonaws.xray.entities.Subsegment;
import dev.xraytracing.internal.Annotations;
import dev.xraytracing.internal.LambdaTraceHeader;
import dev.xraytracing.internal.Outcomes;
import dev.xraytracing.internal.Spans;
import dev.xraytracing.internal.TracerCore;
import dev.xraytracing.internal.fault.FaultSite;
import dev.xraytracing.internal.log.WarnOnce;
import dev.xraytracing.internal.status.StatusRecording;
import dev.xraytracing.internal.config.ConfigKey;
import dev.xraytracing.internal.config.Configuration;

/**
 * Traces one handler invocation: opens the handler subsegment under the function's facade segment, makes it current
 * for the handler's code, records how the handler ended, and closes (which sends) it before returning. Tracing never
 * throws into the handler; the handler's own exceptions pass through unchanged. Each invocation works with the
 * thread's current tracer (the process-wide default in Lambda; the invoker's own in the test kit).
 */
public final class InvocationTracer {
    /** What a stream handler "returns": nothing to capture. */
    public static final Object NO_RESPONSE = new Object();

    public static final String COLD_START = "ColdStart";
    public static final String SERVICE = "Service";
    public static final String REQUEST_ID = "RequestId";
    public static final String INIT_DURATION = "InitDurationMs";

    private InvocationTracer() {
    }

    /** The handler's work; may throw anything. */
    @FunctionalInterface
    public interface Body<O> {
        O run() throws Exception;
    }

    /**
     * Called when a traced handler is constructed, in the init phase, and only where the function is traced (Lambda
     * sets {@code AWS_XRAY_DAEMON_ADDRESS} under active tracing). Where init runs ahead of requests (provisioned
     * concurrency, or a SnapStart snapshot) it prepares tracing now, so no request pays for it. In on-demand
     * environments, init and first invocation are one wait for the caller: where a second CPU is there to run it,
     * tracing is prepared on a background thread while the handler's constructor goes on (see {@link InitWarmUp}).
     */
    public static void prepare() {
        TracerCore core = null;
        try {
            core = TracerCore.current();
            Configuration configuration = core.configuration();
            if (!configuration.tracingEnabled() || configuration.value(ConfigKey.DAEMON_ADDRESS) == null) {
                return;
            }
            LambdaEnvironment environment = LambdaEnvironment.of(core);
            if (environment.snapStart()) {
                SnapStartHooks.register(core); // primes everything before the snapshot; reseeds after each restore
            } else if (environment.initializesAhead()) {
                InitWarmUp.run(core);
            } else if (LambdaEnvironment.warmUpInBackground(configuration,
                    Runtime.getRuntime().availableProcessors())) {
                InitWarmUp.startInBackground(core);
            }
        } catch (Throwable failure) {
            (core != null ? core : TracerCore.current()).warnings().warn("lambda:prepare:" + failure.getClass().getName(),
                    "could not build the recorder during init; the first traced invocation will", failure);
        }
    }

    public static <O> O trace(HandlerSettings settings, Context context, Body<O> body) {
        return trace(settings, context, null, body);
    }

    /** {@link #trace(HandlerSettings, Context, Body)} for a handler whose event is known (fault rules can match it). */
    public static <O> O trace(HandlerSettings settings, Context context, Object event, Body<O> original) {
        TracerCore core = currentOrNull();
        Subsegment subsegment = core == null ? null : open(core, settings, context);
        Body<O> body = FaultSite.PRESENT ? HandlerFaults.around(core, subsegment, event, context, original) : original;
        if (subsegment == null) {
            try {
                return body.run();
            } catch (Throwable thrown) {
                throw Sneaky.rethrow(thrown);
            }
        }
        O output;
        try {
            output = body.run();
        } catch (Throwable thrown) {
            try {
                recordThrown(core, subsegment, thrown, settings);
            } catch (Throwable ownOverflow) {
                // Only a nearly exhausted stack gets here: the handler's own error matters more.
            }
            try {
                Spans.closeAfterThrow(subsegment, thrown);
            } catch (Throwable ownOverflow) {
                // As above.
            }
            throw Sneaky.rethrow(thrown);
        }
        recordOutput(core, subsegment, output, settings);
        Spans.close(subsegment);
        return output;
    }

    /** Opens the handler subsegment, or returns null when this invocation records nothing. Never throws. */
    private static TracerCore currentOrNull() {
        try {
            return TracerCore.current();
        } catch (Throwable failure) {
            return null; // no tracer, no tracing: the handler runs as it would without us
        }
    }

    private static Subsegment open(TracerCore core, HandlerSettings settings, Context context) {
        try {
            // Claimed before the sampling decision: an unsampled first invocation is still the cold one.
            LambdaEnvironment environment = LambdaEnvironment.of(core);
            boolean coldStart = environment.claimColdStart();
            if (!LambdaTraceHeader.currentIsSampled(core)) {
                return null; // no header (outside Lambda, tracing off) or unsampled: no recorder, no facade
            }
            Segment facade = Spans.facadeForCurrentInvocation(core);
            if (facade == null) {
                return null;
            }
            WarnOnce warnings = core.warnings();
            if (ThreadLocalStorage.get() != null) {
                // Left over by code that did not close what it opened in an earlier invocation on this thread; the
                // handler is the root of this invocation, so nothing of it may land there.
                warnings.warn("lambda:stale-entity", "an entity from an earlier invocation was still current on "
                        + "this thread; it was dropped so that this invocation's data does not land on it");
                ThreadLocalStorage.clear();
            }
            Subsegment subsegment = Spans.openUnder(core, facade, facade, settings.subsegmentName(core.configuration()));
            annotate(subsegment, settings.serviceName(context, core.configuration()), context, environment, coldStart,
                    warnings);
            return subsegment;
        } catch (Throwable failure) {
            core.warnings().warn("lambda:open:" + failure.getClass().getName(),
                    "could not open the handler subsegment; the handler runs untraced", failure);
            return null;
        }
    }

    private static void annotate(Subsegment subsegment, String service, Context context,
                                 LambdaEnvironment environment, boolean coldStart, WarnOnce warnings) {
        try {
            Annotations.put(subsegment, COLD_START, coldStart, warnings);
            if (service != null) {
                Annotations.put(subsegment, SERVICE, service, warnings);
            }
            String requestId = context != null ? context.getAwsRequestId() : null;
            if (requestId != null) {
                Annotations.put(subsegment, REQUEST_ID, requestId, warnings);
            }
            if (coldStart) {
                Annotations.put(subsegment, INIT_DURATION, environment.millisSinceJvmStart(), warnings);
            }
        } catch (Throwable failure) {
            warnings.warn("lambda:annotate:" + failure.getClass().getName(),
                    "could not annotate the handler subsegment", failure);
        }
    }

    private static void recordThrown(TracerCore core, Subsegment subsegment, Throwable thrown,
                                     HandlerSettings settings) {
        try {
            Outcomes.recordException(subsegment, thrown);
            if (settings.capturesResponse(core.configuration())) {
                ResponseCapture.error(subsegment, thrown, settings.captureLimit(), core.warnings());
            }
        } catch (Throwable failure) {
            core.warnings().warn("lambda:record:" + failure.getClass().getName(),
                    "could not record the handler's exception", failure);
        }
    }

    private static void recordOutput(TracerCore core, Subsegment subsegment, Object output,
                                     HandlerSettings settings) {
        if (output == null || output == NO_RESPONSE) {
            return;
        }
        try {
            // A handler that answers API Gateway with a 5xx failed, even though it returned normally: its own
            // answer, not a remote call's.
            StatusRecording.recordHandlerResult(core, subsegment, output);
        } catch (Throwable failure) {
            core.warnings().warn("lambda:status:" + failure.getClass().getName(),
                    "could not read the status of the handler's response", failure);
        }
        if (!settings.capturesResponse(core.configuration())) {
            return;
        }
        try {
            ResponseCapture.response(subsegment, output, settings.captureLimit(), core.warnings());
        } catch (Throwable failure) {
            core.warnings().warn("lambda:capture:" + failure.getClass().getName(),
                    "could not capture the handler's response", failure);
        }
    }
}
