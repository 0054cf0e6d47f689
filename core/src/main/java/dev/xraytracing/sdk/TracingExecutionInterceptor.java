package dev.xraytracing.sdk;

import dev.xraytracing.internal.TracingState;
import dev.xraytracing.sdk.internal.InterceptorSwitch;
import dev.xraytracing.sdk.internal.SdkCallOutcome;
import dev.xraytracing.sdk.internal.SdkCallTracer;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * Traces every AWS SDK v2 call: one subsegment per call (not per attempt), named after the service, in namespace
 * {@code aws}, under the current subsegment, with operation, region, request ids, retries, resource identifiers
 * (see {@link AwsResourceFields}), HTTP status and the flags X-Ray reads. The outgoing request carries the trace
 * header, with every field of the incoming one (Lineage too).
 *
 * <p>It is registered for every client through the SDK's {@code execution.interceptors} file, so it needs no code.
 * Adding it again by hand, or X-Ray's own {@code TracingInterceptor}, still gives one subsegment per call. Switch it
 * off with {@code -Dxraytracing.sdk.interceptor=off} or {@code XRAY_TRACING_SDK_INTERCEPTOR=off}.
 *
 * <p>Tracing never breaks the call: every hook swallows (and logs once) its own failures.
 */
public final class TracingExecutionInterceptor implements ExecutionInterceptor {
    private static final boolean ENABLED = InterceptorSwitch.enabled();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        if (!ENABLED) {
            return;
        }
        try {
            SdkCallTracer.beforeExecution(this, context, attributes);
        } catch (Throwable failure) {
            warn("beforeExecution", failure);
        }
    }

    @Override
    public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
        if (!ENABLED) {
            return context.httpRequest();
        }
        try {
            return SdkCallTracer.modifyHttpRequest(this, context, attributes);
        } catch (Throwable failure) {
            warn("modifyHttpRequest", failure);
            return context.httpRequest();
        }
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        if (!ENABLED) {
            return;
        }
        try {
            SdkCallTracer.beforeTransmission(this, attributes);
        } catch (Throwable failure) {
            warn("beforeTransmission", failure);
        }
    }

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        if (!ENABLED) {
            return;
        }
        try {
            SdkCallTracer.afterTransmission(this, context, attributes);
        } catch (Throwable failure) {
            warn("afterTransmission", failure);
        }
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        if (!ENABLED) {
            return;
        }
        try {
            SdkCallOutcome.afterExecution(this, context, attributes);
        } catch (Throwable failure) {
            warn("afterExecution", failure);
        }
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        if (!ENABLED) {
            return;
        }
        try {
            SdkCallOutcome.onExecutionFailure(this, context, attributes);
        } catch (Throwable failure) {
            warn("onExecutionFailure", failure);
        }
    }

    private static void warn(String hook, Throwable failure) {
        TracingState.get().warnings().warn("sdk:" + hook + ":" + failure.getClass().getName(),
                "the SDK call is not fully traced: " + hook + " failed", failure);
    }
}
