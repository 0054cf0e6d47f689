package dev.xraytracing.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import dev.xraytracing.internal.config.ConfigKey;
import dev.xraytracing.internal.config.Configuration;

/**
 * How a traced handler records its invocations. Immutable: each setter returns a copy.
 *
 * <pre>{@code
 * super(HandlerTracing.defaults().service("orders").captureResponse(true));
 * }</pre>
 *
 * <p>Response and error capture is off by default, because responses can hold personal data and can overflow X-Ray's
 * 64 KB document limit. It can be turned on here or for every handler of a function with the environment variable
 * {@code XRAY_TRACING_CAPTURE_RESPONSE=true}; an explicit setting here wins over the variable. The service name and
 * the subsegment name can come from the environment too ({@code XRAY_TRACING_SERVICE_NAME},
 * {@code POWERTOOLS_SERVICE_NAME}, {@code OTEL_SERVICE_NAME}; {@code XRAY_TRACING_HANDLER_SUBSEGMENT}): every
 * variable is in docs/configuration.md.
 */
public final class HandlerTracing {
    /** Environment variable that turns on response and error capture for handlers that do not decide themselves. */
    public static final String CAPTURE_RESPONSE_VARIABLE = ConfigKey.CAPTURE_RESPONSE.environmentVariables().get(0);
    public static final String DEFAULT_SUBSEGMENT_NAME = "## handleRequest";
    public static final int DEFAULT_CAPTURE_LIMIT = 4_096;

    private static final HandlerTracing DEFAULTS = new HandlerTracing(null, null, null, DEFAULT_CAPTURE_LIMIT);

    private final String service;
    private final String subsegmentName;
    private final Boolean captureResponse;
    private final int captureLimit;

    private HandlerTracing(String service, String subsegmentName, Boolean captureResponse, int captureLimit) {
        this.service = service;
        this.subsegmentName = subsegmentName;
        this.captureResponse = captureResponse;
        this.captureLimit = captureLimit;
    }

    /**
     * Service, subsegment name and capture as the environment says (docs/configuration.md), else the function name,
     * {@code ## handleRequest} and no capture.
     */
    public static HandlerTracing defaults() {
        return DEFAULTS;
    }

    /** The {@code Service} annotation on every invocation; null restores the default (environment, function name). */
    public HandlerTracing service(String serviceName) {
        return new HandlerTracing(serviceName, subsegmentName, captureResponse, captureLimit);
    }

    /**
     * The name of the subsegment each invocation gets under the function segment; null restores the default
     * ({@code XRAY_TRACING_HANDLER_SUBSEGMENT}, else {@code ## handleRequest}).
     */
    public HandlerTracing subsegmentName(String name) {
        return new HandlerTracing(service, name, captureResponse, captureLimit);
    }

    /** Records the handler's response, or its error, as metadata (namespace {@code lambda}); off by default. */
    public HandlerTracing captureResponse(boolean capture) {
        return new HandlerTracing(service, subsegmentName, capture, captureLimit);
    }

    /** The most characters a captured response or error keeps; longer ones are cut and marked so. */
    public HandlerTracing captureLimit(int characters) {
        return new HandlerTracing(service, subsegmentName, captureResponse, Math.max(0, characters));
    }

    /**
     * The service name for this invocation: the one set here, else the first of {@code xraytracing.service.name},
     * {@code XRAY_TRACING_SERVICE_NAME}, {@code POWERTOOLS_SERVICE_NAME} and {@code OTEL_SERVICE_NAME}, else the
     * function's name, else null.
     */
    public String serviceName(Context context) {
        if (service != null) {
            return service;
        }
        Configuration configuration = Configuration.current();
        String configured = configuration.value(ConfigKey.SERVICE_NAME);
        if (configured != null) {
            return configured.trim();
        }
        String functionName = context != null ? context.getFunctionName() : null;
        return functionName != null ? functionName : configuration.value(ConfigKey.FUNCTION_NAME);
    }

    /** The handler subsegment's name: the one set here, else the environment's, else {@code ## handleRequest}. */
    public String subsegmentName() {
        if (subsegmentName != null) {
            return subsegmentName;
        }
        String configured = Configuration.current().value(ConfigKey.HANDLER_SUBSEGMENT_NAME);
        return configured != null ? configured.trim() : DEFAULT_SUBSEGMENT_NAME;
    }

    /** Whether responses and errors are captured: as set here, else as the environment variable says. */
    public boolean capturesResponse() {
        if (captureResponse != null) {
            return captureResponse;
        }
        return Configuration.current().isTrue(ConfigKey.CAPTURE_RESPONSE);
    }

    public int captureLimit() {
        return captureLimit;
    }
}
