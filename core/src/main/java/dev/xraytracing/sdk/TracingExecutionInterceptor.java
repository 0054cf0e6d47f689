package dev.xraytracing.sdk;

import dev.xraytracing.internal.TracerCore;
import dev.xraytracing.internal.fault.FaultSite;
import dev.xraytracing.sdk.internal.SdkCall;
import dev.xraytracing.sdk.internal.SdkCallOutcome;
import dev.xraytracing.sdk.internal.SdkCallTracer;
import dev.xraytracing.sdk.internal.SdkFaults;
import dev.xraytracing.sdk.internal.TraceHeaderEntries;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * Traces every AWS SDK v2 call: one subsegment per call (not per attempt), named after the service, in namespace
 * {@code aws}, under the current subsegment, with operation, region, request ids, retries, resource identifiers
 * (see {@link AwsResourceFields}), HTTP status and the flags X-Ray expects. The outgoing request carries the trace
 * header, with every field of the incoming one (Lineage too); an EventBridge {@code PutEvents} entry without a
 * {@code TraceHeader} of its own gets the same header (SQS and SNS read the HTTP header for every message of a call,
 * and a message's own {@code AWSTraceHeader} attribute is never touched).
 *
 * <p>It is registered for every client through the SDK's {@code execution.interceptors} file, so it needs no code.
 * Adding it again by hand, or X-Ray's own {@code TracingInterceptor}, still gives one subsegment per call. Switch it
 * off with {@code -Dxraytracing.sdk.interceptor=off} or {@code XRAY_TRACING_SDK_INTERCEPTOR=off}.
 *
 * <p>The SDK builds it by reflection, so it holds no tracer: a call is recorded for the tracer that created the
 * caller's current entity, else for the thread's current tracer (a test's own, or the process-wide default). That
 * tracer is decided when the call starts and goes with the call to the threads that complete it.
 *
 * <p>Tracing never breaks the call: every hook swallows (and logs once) its own failures.
 */
public final class TracingExecutionInterceptor implements ExecutionInterceptor {

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        TracerCore core = null;
        try {
            core = SdkCallTracer.tracerOfCaller();
            if (core.tracesSdkCalls()) {
                SdkCallTracer.beforeExecution(this, core, context, attributes);
            }
        } catch (Throwable failure) {
            warn(core, attributes, "beforeExecution", failure);
        }
        if (FaultSite.PRESENT) {
            SdkFaults.beforeExecution(core, context.request(), attributes);
        }
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        try {
            return TraceHeaderEntries.modifyRequest(this, context, attributes);
        } catch (Throwable failure) {
            warn(null, attributes, "modifyRequest", failure);
            return context.request();
        }
    }

    @Override
    public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
        try {
            return SdkCallTracer.modifyHttpRequest(this, context, attributes);
        } catch (Throwable failure) {
            warn(null, attributes, "modifyHttpRequest", failure);
            return context.httpRequest();
        }
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        try {
            SdkCallTracer.beforeTransmission(this, attributes);
        } catch (Throwable failure) {
            warn(null, attributes, "beforeTransmission", failure);
        }
        if (FaultSite.PRESENT) {
            // Outside the guard on purpose: an injected failure fails this attempt, as the service's answer would.
            RuntimeException injected = SdkFaults.attemptFailure(attributes);
            if (injected != null) {
                throw injected;
            }
        }
    }

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        try {
            SdkCallTracer.afterTransmission(this, context, attributes);
        } catch (Throwable failure) {
            warn(null, attributes, "afterTransmission", failure);
        }
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        try {
            SdkCallOutcome.afterExecution(this, context, attributes);
        } catch (Throwable failure) {
            warn(null, attributes, "afterExecution", failure);
        }
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        try {
            SdkCallOutcome.onExecutionFailure(this, context, attributes);
        } catch (Throwable failure) {
            warn(null, attributes, "onExecutionFailure", failure);
        }
    }

    private static void warn(TracerCore known, ExecutionAttributes attributes, String hook, Throwable failure) {
        try {
            TracerCore core = known != null ? known : SdkCall.tracerOf(attributes);
            core.warnings().warn("sdk:" + hook + ":" + failure.getClass().getName(),
                    "the SDK call is not fully traced: " + hook + " failed", failure);
        } catch (Throwable ignored) {
            // Logging the failure failed too; the call goes on regardless.
        }
    }
}
