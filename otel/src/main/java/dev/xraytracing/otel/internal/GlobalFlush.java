package dev.xraytracing.otel.internal;

import dev.xraytracing.internal.log.WarnOnce;
import io.opentelemetry.api.trace.TracerProvider;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.lang.reflect.Method;
import java.util.concurrent.TimeUnit;

/**
 * Flushes a global OpenTelemetry's spans before the handler returns, when the global is the SDK: its tracer provider
 * is then the SDK's {@code SdkTracerProvider} behind {@code OpenTelemetrySdk}'s wrapper, which hands it out through its
 * public {@code unobfuscate()}. Under the Java agent (and so the ADOT layer) the application sees a bridge to the
 * agent's SDK instead, which cannot be flushed from here; the agent's Lambda instrumentation flushes its SDK itself
 * when the handler returns.
 */
final class GlobalFlush {
    /** As long as a document's export may take on the other path ({@link SpanExportSink}). */
    private static final long WAIT_MILLIS = SpanExportSink.EXPORT_WAIT_MILLIS;

    private final SdkTracerProvider provider;
    private final WarnOnce warnings;

    private GlobalFlush(SdkTracerProvider provider, WarnOnce warnings) {
        this.provider = provider;
        this.warnings = warnings;
    }

    /** The flush of {@code global}'s SDK, or one that does nothing when {@code global} is not the SDK's. */
    static GlobalFlush of(TracerProvider global, WarnOnce warnings) {
        return new GlobalFlush(sdkBehind(global), warnings);
    }

    /** Whether this can flush (the global is the SDK). */
    boolean flushes() {
        return provider != null;
    }

    /** Flushes and waits (at most two seconds); never throws. */
    void flush() {
        if (provider == null) {
            return;
        }
        try {
            CompletableResultCode result = provider.forceFlush().join(WAIT_MILLIS, TimeUnit.MILLISECONDS);
            if (!result.isDone()) {
                warnings.warn("otel:global:slow", "the global OpenTelemetry did not flush within " + WAIT_MILLIS
                        + " ms; the handler went on (the spans may still arrive)");
            } else if (!result.isSuccess()) {
                warnings.warn("otel:global:failed", "the global OpenTelemetry's flush reported a failure; spans may "
                        + "be lost");
            }
        } catch (RuntimeException | LinkageError failure) {
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
}
