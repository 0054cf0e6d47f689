package dev.xraytracing.local.internal.explore;

import dev.xraytracing.local.app.Fault;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The realistic failures of each kind of fault point. An SDK call: the service's documented throttling error, a 5xx,
 * a modelled exception the caller may catch, a latency well below any timeout ({@code slow}) and one past the
 * invocation's remaining time, so past any shorter client timeout ({@code timeout}). A named block: an exception. A
 * handler: an exception and a timeout. An invocation by the Lambda service: a throttle and a function error. Error
 * codes and statuses are those of each service's API reference; a service not listed gets AWS's common errors.
 */
final class Failures {
    /** A latency that a request of a few hundred milliseconds should absorb. */
    static final long SLOW_MILLIS = 1_000;

    /** One service's documented errors: throttling, server error, and a modelled client error. */
    private record ServiceErrors(int throttleStatus, String throttleCode, int serverStatus, String serverCode,
                                 int clientStatus, String clientCode) {
    }

    private static final ServiceErrors COMMON = new ServiceErrors(400, "ThrottlingException", 500, "InternalFailure",
            400, "AccessDeniedException");
    private static final Map<String, ServiceErrors> SERVICES = Map.of(
            "lambda", new ServiceErrors(429, "TooManyRequestsException", 500, "ServiceException", 404,
                    "ResourceNotFoundException"),
            "dynamodb", new ServiceErrors(400, "ProvisionedThroughputExceededException", 500, "InternalServerError",
                    400, "ResourceNotFoundException"),
            "s3", new ServiceErrors(503, "SlowDown", 500, "InternalError", 404, "NoSuchKey"),
            "sqs", new ServiceErrors(400, "RequestThrottled", 500, "InternalError", 400, "QueueDoesNotExist"),
            "sns", new ServiceErrors(429, "ThrottledException", 500, "InternalErrorException", 404,
                    "NotFoundException"),
            "kinesis", new ServiceErrors(400, "ProvisionedThroughputExceededException", 500, "InternalFailure", 400,
                    "ResourceNotFoundException"));

    private Failures() {
    }

    /** Every failure of {@code point}, in the order the exploration tries them (the costly timeouts last). */
    static List<Injection> of(FaultPoint point) {
        List<Injection> failures = new ArrayList<>();
        switch (point.kind()) {
            case SDK -> {
                ServiceErrors errors = SERVICES.getOrDefault(point.service().toLowerCase(Locale.ROOT), COMMON);
                failures.add(serviceError(point, "throttle", errors.throttleStatus(), errors.throttleCode()));
                failures.add(serviceError(point, "5xx", errors.serverStatus(), errors.serverCode()));
                failures.add(serviceError(point, "exception", errors.clientStatus(), errors.clientCode()));
                failures.add(Injection.ofRule(point, "slow", fields("mode", "latency", "latencyMs", SLOW_MILLIS)));
                failures.add(Injection.ofRule(point, "timeout", fields("mode", "timeout")));
            }
            case BLOCK -> failures.add(Injection.ofRule(point, "exception", fields("mode", "exception")));
            case HANDLER -> {
                failures.add(Injection.ofRule(point, "exception", fields("mode", "exception")));
                failures.add(Injection.ofRule(point, "timeout", fields("mode", "timeout")));
            }
            case INVOCATION -> {
                failures.add(Injection.ofPlatform(point, "throttle", Fault.THROTTLE));
                failures.add(Injection.ofPlatform(point, "function-error", Fault.FUNCTION_ERROR));
            }
        }
        return failures;
    }

    /** A failing status as the service answers it: the faults module's {@code status} mode where it takes the status
     * (429, 5xx), else a modelled exception with that status. */
    private static Injection serviceError(FaultPoint point, String failure, int status, String errorCode) {
        String mode = status == 429 || status >= 500 ? "status" : "exception";
        return Injection.ofRule(point, failure, fields("mode", mode, "status", status, "errorCode", errorCode));
    }

    private static Map<String, Object> fields(Object... keysAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            fields.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return fields;
    }
}
