package dev.xraytracing.sdk.internal;

import java.util.Locale;

/**
 * Whether our SDK interceptor works in this JVM. {@code -Dxraytracing.sdk.interceptor=off} or
 * {@code XRAY_TRACING_SDK_INTERCEPTOR=off} switch it off (to compare with no tracing or with X-Ray's interceptor
 * alone); read once, when the interceptor class loads.
 */
public final class InterceptorSwitch {
    public static final String SYSTEM_PROPERTY = "xraytracing.sdk.interceptor";
    public static final String ENVIRONMENT_VARIABLE = "XRAY_TRACING_SDK_INTERCEPTOR";

    private InterceptorSwitch() {
    }

    public static boolean enabled() {
        String value = System.getProperty(SYSTEM_PROPERTY);
        if (value == null) {
            value = System.getenv(ENVIRONMENT_VARIABLE);
        }
        return value == null || !value.trim().toLowerCase(Locale.ROOT).equals("off");
    }
}
