package dev.xraytracing.local;

import dev.xraytracing.local.LocalPlatform;

/**
 * How an exploration sends its entry once: an API request today; a message or an event once the platform's queues,
 * topics and buses take them. It sends with the trace header it is given (null: none), so that the exploration's
 * fault rules, scoped to that trace, hit this request and no other traffic, and answers with a status (a direct
 * invocation answers the Lambda service's status when it refused the call, and 502 for a function error, as API
 * Gateway does).
 */
@FunctionalInterface
public interface ExplorationEntry {
    LocalPlatform.ApiResponse send(LocalPlatform platform, String traceHeader);

    /** A request to the platform's REST API stage. */
    static ExplorationEntry apiRequest(String method, String path, String body) {
        return (platform, traceHeader) -> platform.request(method, path, body, traceHeader);
    }

    /** A direct invocation of {@code function} with {@code payload}. */
    static ExplorationEntry invoke(String function, String payload) {
        return (platform, traceHeader) -> {
            LocalPlatform.ApiResponse response = platform.invoke(function, payload, traceHeader);
            int status = response.status() >= 400 ? response.status()
                    : response.body().contains("\"errorType\"") ? 502 : 200;
            return new LocalPlatform.ApiResponse(status, response.body(), traceHeader);
        };
    }
}
