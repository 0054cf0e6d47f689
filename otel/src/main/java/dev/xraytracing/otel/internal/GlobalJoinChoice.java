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
    /**
     * What joining needs on the class path: the API the global is reached through, and the SDK's span model our
     * spans pass through. {@code xray-tracing-otel} depends on both only optionally: the daemon path needs neither.
     */
    static final String[] JOIN_NEEDS = {"io.opentelemetry.api.GlobalOpenTelemetry",
        "io.opentelemetry.sdk.trace.data.SpanData"};

    private GlobalJoinChoice() {
    }

    static boolean worthAsking(Configuration settings, WarnOnce warnings) {
        String choice = settings.value(ConfigKey.OTEL_GLOBAL);
        String normalised = choice == null ? "auto" : choice.trim().toLowerCase(Locale.ROOT);
        if (askedFor(settings)) {
            return true;
        }
        if (normalised.equals("off") || normalised.equals("false")) {
            return false;
        }
        if (!normalised.equals("auto")) {
            warnings.warn("otel:global-choice", "XRAY_TRACING_OTEL_GLOBAL=" + choice
                    + " is neither auto, on nor off; auto applies");
        }
        return settings.value(ConfigKey.FUNCTION_NAME) == null || agentConfigured(settings);
    }

    /**
     * Whether the class path has what joining needs ({@link #JOIN_NEEDS}). Where it does not and an agent or an exec
     * wrapper (the ADOT layer) is configured, or {@code XRAY_TRACING_OTEL_GLOBAL=on} asks for a join, says once that
     * the spans go to the daemon instead, and what to add.
     */
    static boolean canJoin(Configuration settings, WarnOnce warnings) {
        return canJoin(settings, warnings, JOIN_NEEDS);
    }

    /** The same with the class names given (tests name one that no class path has). */
    static boolean canJoin(Configuration settings, WarnOnce warnings, String[] needs) {
        ClassLoader loader = GlobalJoinChoice.class.getClassLoader();
        for (String needed : needs) {
            try {
                Class.forName(needed, false, loader);
            } catch (ClassNotFoundException | LinkageError absent) {
                if (askedFor(settings) || agentConfigured(settings)) {
                    warnings.warn("otel:global:absent", needed + " is not on the class path, so this function's "
                            + "spans cannot join a GlobalOpenTelemetry (a Java agent, the ADOT layer): they go to the "
                            + "X-Ray daemon. To join it, add io.opentelemetry:opentelemetry-sdk-trace, which brings "
                            + "the API");
                }
                return false;
            }
        }
        return true;
    }

    /** Whether {@code XRAY_TRACING_OTEL_GLOBAL} says {@code on} (or {@code true}). */
    private static boolean askedFor(Configuration settings) {
        String choice = settings.value(ConfigKey.OTEL_GLOBAL);
        return choice != null && (choice.trim().equalsIgnoreCase("on") || choice.trim().equalsIgnoreCase("true"));
    }

    private static boolean agentConfigured(Configuration settings) {
        String toolOptions = settings.value(ConfigKey.JAVA_TOOL_OPTIONS);
        return toolOptions != null && toolOptions.contains("-javaagent")
                || settings.value(ConfigKey.EXEC_WRAPPER) != null;
    }
}
