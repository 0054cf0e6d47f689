package dev.xraytracing.local.app;

import java.util.Locale;

/** A failure the local Lambda service injects into every invocation of one function. */
public enum Fault {
    NONE,
    /** The function runs, then the invocation ends as an unhandled function error ({@code X-Amz-Function-Error}). */
    FUNCTION_ERROR,
    /** Lambda refuses the call with 429 TooManyRequestsException; the function does not run. */
    THROTTLE,
    /** Lambda fails the call with 500 ServiceException; the function does not run. */
    SERVER_ERROR,
    /** The Lambda service adds extra latency before it hands the event to the function. */
    LATENCY;

    public static Fault parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "none" -> NONE;
            case "function-error", "error" -> FUNCTION_ERROR;
            case "throttle", "429" -> THROTTLE;
            case "5xx", "500", "server-error", "fault" -> SERVER_ERROR;
            case "latency", "slow" -> LATENCY;
            default -> throw new LocalRunException(
                    "unknown fault '" + text + "': use none, function-error, throttle, 5xx or latency");
        };
    }
}
