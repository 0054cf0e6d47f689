package dev.xraytracing.lambda.internal;

import com.amazonaws.xray.entities.Subsegment;
import dev.xraytracing.internal.TracerCore;
import dev.xraytracing.internal.fault.FaultHook;
import dev.xraytracing.internal.fault.FaultSite;

/** The handler's fault site: a rule may delay the handler, fail it, or answer in its place. */
final class HandlerFaults {
    private HandlerFaults() {
    }

    /** {@code body}, or (when the tracer has a fault hook) {@code body} behind that hook. Never throws. */
    static <O> InvocationTracer.Body<O> around(TracerCore core, Subsegment subsegment, Object event, Object context,
                                              InvocationTracer.Body<O> body) {
        FaultHook hook = FaultSite.hook(core);
        if (hook == null) {
            return body;
        }
        return () -> {
            FaultHook.HandlerFault fault = null;
            try {
                fault = hook.beforeHandler(event, context, subsegment);
            } catch (Throwable failure) {
                core.warnings().warn("fault:handler:" + failure.getClass().getName(),
                        "fault injection into the handler failed; it runs without the fault", failure);
            }
            try {
                if (fault != null && fault.exception != null) {
                    throw fault.exception;
                }
                if (fault != null && fault.response != null) {
                    @SuppressWarnings("unchecked")
                    O answer = (O) fault.response;
                    return answer;
                }
                return body.run();
            } finally {
                try {
                    hook.afterHandler();
                } catch (Throwable failure) {
                    core.warnings().warn("fault:handler-done:" + failure.getClass().getName(),
                            "the fault hook failed after the handler", failure);
                }
            }
        };
    }
}
