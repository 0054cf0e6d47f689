package dev.xraytracing.sdk.internal;

import dev.xraytracing.internal.TracerCore;
import dev.xraytracing.internal.fault.FaultHook;
import dev.xraytracing.internal.fault.FaultSite;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * The SDK call's fault site: the rule is decided (and any latency spent) when the call starts; a failing rule then
 * fails every attempt before it is sent, with an exception the SDK's retry logic treats as the service's own.
 */
public final class SdkFaults {
    static final ExecutionAttribute<FaultHook.SdkFault> ATTRIBUTE =
            new ExecutionAttribute<>("dev.xraytracing.sdk.SdkFault");

    private SdkFaults() {
    }

    /** Decides the call's fault; never throws. */
    public static void beforeExecution(TracerCore core, Object request, ExecutionAttributes attributes) {
        try {
            if (attributes.getAttribute(ATTRIBUTE) != null) {
                return; // a second instance of the interceptor: the call has its fault already
            }
            FaultHook hook = FaultSite.hook(core != null ? core : SdkCallTracer.tracerOfCaller());
            if (hook == null) {
                return;
            }
            SdkCall call = attributes.getAttribute(SdkCall.ATTRIBUTE);
            FaultHook.SdkFault fault = hook.beforeSdkCall(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME),
                    attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME),
                    request != null ? request.getClass() : null, call != null ? call.subsegment : null);
            if (fault != null) {
                attributes.putAttribute(ATTRIBUTE, fault);
            }
        } catch (Throwable failure) {
            warn(core, failure);
        }
    }

    /** The exception this attempt fails with, or null; the attempt is recorded with the injected status. */
    public static RuntimeException attemptFailure(ExecutionAttributes attributes) {
        FaultHook.SdkFault fault = attributes.getAttribute(ATTRIBUTE);
        if (fault == null) {
            return null;
        }
        try {
            SdkCall call = attributes.getAttribute(SdkCall.ATTRIBUTE);
            if (call != null && call.subsegment != null) {
                call.attemptAnswered(fault.status(), SdkCallTracer.now());
            }
            return fault.attemptFailure();
        } catch (Throwable failure) {
            warn(null, failure);
            return null;
        }
    }

    private static void warn(TracerCore core, Throwable failure) {
        try {
            (core != null ? core : TracerCore.current()).warnings().warn("fault:sdk:" + failure.getClass().getName(),
                    "fault injection into an SDK call failed; the call runs without the fault", failure);
        } catch (Throwable ignored) {
            // Only a warning was at stake.
        }
    }
}
