package dev.xraytracing.otel.internal;

import dev.xraytracing.internal.config.ConfigKey;
import dev.xraytracing.internal.config.Configuration;
import dev.xraytracing.internal.log.WarnOnce;
import java.util.Locale;

/**
 * Whether to ask {@code GlobalOpenTelemetry} if one is set ({@code XRAY_TRACING_OTEL_GLOBAL}). Asking initialises
 * that class, which starts {@code java.util.logging}: about 30 ms of a one-core cold start, paid for nothing by a
 * function that has no agent. In Lambda a global comes from the Java agent or the ADOT layer, and both start through
 * the environment, so {@code auto} asks only where it shows one of them; outside Lambda a cold start is not billed,
 * and it always asks.
 */
final class GlobalJoinChoice {
    private GlobalJoinChoice() {
    }

    static boolean worthAsking(Configuration settings, WarnOnce warnings) {
        String choice = settings.value(ConfigKey.OTEL_GLOBAL);
        String normalised = choice == null ? "auto" : choice.trim().toLowerCase(Locale.ROOT);
        if (normalised.equals("on") || normalised.equals("true")) {
            return true;
        }
        if (normalised.equals("off") || normalised.equals("false")) {
            return false;
        }
        if (!normalised.equals("auto")) {
            warnings.warn("otel:global-choice", "XRAY_TRACING_OTEL_GLOBAL=" + choice
                    + " is neither auto, on nor off; auto applies");
        }
        if (settings.value(ConfigKey.FUNCTION_NAME) == null) {
            return true;
        }
        String toolOptions = settings.value(ConfigKey.JAVA_TOOL_OPTIONS);
        return toolOptions != null && toolOptions.contains("-javaagent")
                || settings.value(ConfigKey.EXEC_WRAPPER) != null;
    }
}
