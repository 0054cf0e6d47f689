package dev.xraytracing.internal;

import dev.xraytracing.internal.config.ConfigKey;
import dev.xraytracing.internal.config.Configuration;

/**
 * Whether the AWS SDK interceptor records calls, by default. {@code -Dxraytracing.sdk.interceptor=off} or
 * {@code XRAY_TRACING_SDK_INTERCEPTOR=off} switch it off (to compare with no tracing or with X-Ray's interceptor
 * alone), and so does the global off switch ({@link ConfigKey#ENABLED}); read when a tracer is built.
 */
public final class InterceptorSwitch {
    private InterceptorSwitch() {
    }

    /** What this JVM's properties and environment say: the process's settings, never a test thread's own. */
    public static boolean enabled() {
        return enabled(Configuration.process());
    }

    public static boolean enabled(Configuration configuration) {
        return configuration.tracingEnabled() && !configuration.isOff(ConfigKey.SDK_INTERCEPTOR);
    }
}
