package dev.xraytracing.otel.internal;

import dev.xraytracing.internal.log.WarnOnce;
import io.opentelemetry.api.trace.TracerProvider;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.lang.reflect.Method;
import java.util.concurrent.TimeUnit;

/**
 * Flushes a global OpenTelemetry's spans before the handler returns. When the global is the SDK, its tracer provider
 * is the SDK's {@code SdkTracerProvider} behind {@code OpenTelemetrySdk}'s wrapper, which hands it out through its
 * public {@code unobfuscate()}. Under the Java agent (and so the ADOT layer) the application sees a bridge to the
 * agent's SDK instead; the agent offers {@code OpenTelemetrySdkAccess.forceFlush} in the bootstrap class loader for
 * its own instrumentations, which its Lambda instrumentation calls when the handler returns, and so do we. Neither:
 * nothing to flush from here (logged once).
 */
final class GlobalFlush {
    /** As long as a document's export may take on the other path ({@link SpanExportSink}). */
    private static final long WAIT_MILLIS = SpanExportSink.EXPORT_WAIT_MILLIS;
    private static final String AGENT_ACCESS = "io.opentelemetry.javaagent.bootstrap.OpenTelemetrySdkAccess";

    private final SdkTracerProvider provider;
    private final Method agentFlush;
    private final WarnOnce warnings;

    private GlobalFlush(SdkTracerProvider provider, Method agentFlush, WarnOnce warnings) {
        this.provider = provider;
        this.agentFlush = agentFlush;
        this.warnings = warnings;
    }

    /** The flush of {@code global}: its SDK's, else the agent's, else none. */
    static GlobalFlush of(TracerProvider global, WarnOnce warnings) {
        SdkTracerProvider sdk = sdkBehind(global);
        return new GlobalFlush(sdk, sdk == null ? agentFlush() : null, warnings);
    }

    /** Flushes and waits (at most two seconds); never throws. */
    void flush() {
        try {
            if (provider != null) {
                CompletableResultCode result = provider.forceFlush().join(WAIT_MILLIS, TimeUnit.MILLISECONDS);
                if (!result.isDone()) {
                    warnings.warn("otel:global:slow", "the global OpenTelemetry did not flush within " + WAIT_MILLIS
                            + " ms; the handler went on (the spans may still arrive)");
                } else if (!result.isSuccess()) {
                    warnings.warn("otel:global:failed", "the global OpenTelemetry's flush reported a failure; spans "
                            + "may be lost");
                }
            } else if (agentFlush != null) {
                agentFlush.invoke(null, WAIT_MILLIS, TimeUnit.MILLISECONDS);
            } else {
                warnings.warn("otel:global:noflush", "the global OpenTelemetry is neither the SDK nor the Java "
                        + "agent's, so it cannot be flushed from here; spans leave when its own pipeline sends them");
            }
        } catch (ReflectiveOperationException | RuntimeException | LinkageError failure) {
            warnings.warn("otel:global:flush:" + failure.getClass().getName(), "could not flush the global "
                    + "OpenTelemetry; spans may be lost", failure);
        }
    }

    private static SdkTracerProvider sdkBehind(TracerProvider global) {
        if (global instanceof SdkTracerProvider sdk) {
            return sdk;
        }
        try {
            Method unwrap = global.getClass().getMethod("unobfuscate");
            unwrap.setAccessible(true);
            return unwrap.invoke(global) instanceof SdkTracerProvider sdk ? sdk : null;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError notTheSdk) {
            return null;
        }
    }

    private static Method agentFlush() {
        try {
            return Class.forName(AGENT_ACCESS, false, null).getMethod("forceFlush", long.class, TimeUnit.class);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError noAgent) {
            return null;
        }
    }
}
