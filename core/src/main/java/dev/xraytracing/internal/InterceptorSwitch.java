package dev.xraytracing.internal;

import java.util.Locale;

/**
 * Whether the AWS SDK interceptor records calls, by default. {@code -Dxraytracing.sdk.interceptor=off} or
 * {@code XRAY_TRACING_SDK_INTERCEPTOR=off} switch it off (to compare with no tracing or with X-Ray's interceptor
 * alone); read when a tracer is built.
 */
public final class InterceptorSwitch {
    public static final String SYSTEM_PROPERTY = "xraytracing.sdk.interceptor";
    public static final String ENVIRONMENT_VARIABLE = "XRAY_TRACING_SDK_INTERCEPTOR";

    private InterceptorSwitch() {
    }

    /** What this JVM's property and environment say. */
    public static boolean enabled() {
        return enabled(System.getProperty(SYSTEM_PROPERTY), System.getenv(ENVIRONMENT_VARIABLE));
    }

    /** On unless the property (or, without it, the variable) says {@code off}. */
    static boolean enabled(String property, String variable) {
        String value = property != null ? property : variable;
        return value == null || !value.trim().toLowerCase(Locale.ROOT).equals("off");
    }
}
