package dev.xraytracing.sdk.internal;

import dev.xraytracing.internal.config.ConfigKey;
import dev.xraytracing.internal.config.Configuration;

/**
 * Whether our SDK interceptor works in this JVM. {@code -Dxraytracing.sdk.interceptor=off} or
 * {@code XRAY_TRACING_SDK_INTERCEPTOR=off} switch it off (to compare with no tracing or with X-Ray's interceptor
 * alone); read once, when the interceptor class loads. The global off switch ({@link ConfigKey#ENABLED}) switches it
 * off too.
 */
public final class InterceptorSwitch {
    public static final String SYSTEM_PROPERTY = ConfigKey.SDK_INTERCEPTOR.systemProperty();
    public static final String ENVIRONMENT_VARIABLE = ConfigKey.SDK_INTERCEPTOR.environmentVariables().get(0);

    private InterceptorSwitch() {
    }

    /** For the whole JVM (the interceptor reads it once): the process's settings, never a test thread's own. */
    public static boolean enabled() {
        return enabled(Configuration.process());
    }

    public static boolean enabled(Configuration configuration) {
        return configuration.tracingEnabled() && !configuration.isOff(ConfigKey.SDK_INTERCEPTOR);
    }
}
