package dev.xraytracing.lambda;

import com.amazonaws.services.lambda.runtime.Context;

/**
 * How a traced handler records its invocations. Immutable: each setter returns a copy.
 *
 * <pre>{@code
 * super(HandlerTracing.defaults().service("orders").captureResponse(true));
 * }</pre>
 *
 * <p>Response and error capture is off by default, because responses can hold personal data and can overflow X-Ray's
 * 64 KB document limit. It can be turned on here or for every handler of a function with the environment variable
 * {@code XRAY_TRACING_CAPTURE_RESPONSE=true}; an explicit setting here wins over the variable.
 */
public final class HandlerTracing {
    /** Environment variable that turns on response and error capture for handlers that do not decide themselves. */
    public static final String CAPTURE_RESPONSE_VARIABLE = "XRAY_TRACING_CAPTURE_RESPONSE";
    public static final String DEFAULT_SUBSEGMENT_NAME = "## handleRequest";
    public static final int DEFAULT_CAPTURE_LIMIT = 4_096;

    private static final HandlerTracing DEFAULTS = new HandlerTracing(null, DEFAULT_SUBSEGMENT_NAME, null,
            DEFAULT_CAPTURE_LIMIT);

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

    /** Service is the function name, subsegment {@code ## handleRequest}, capture as the environment says. */
    public static HandlerTracing defaults() {
        return DEFAULTS;
    }

    /** The {@code Service} annotation on every invocation; null restores the default, the function name. */
    public HandlerTracing service(String serviceName) {
        return new HandlerTracing(serviceName, subsegmentName, captureResponse, captureLimit);
    }

    /** The name of the subsegment each invocation gets under the function segment. */
    public HandlerTracing subsegmentName(String name) {
        return new HandlerTracing(service, name == null ? DEFAULT_SUBSEGMENT_NAME : name, captureResponse,
                captureLimit);
    }

    /** Records the handler's response, or its error, as metadata (namespace {@code lambda}); off by default. */
    public HandlerTracing captureResponse(boolean capture) {
        return new HandlerTracing(service, subsegmentName, capture, captureLimit);
    }

    /** The most characters a captured response or error keeps; longer ones are cut and marked so. */
    public HandlerTracing captureLimit(int characters) {
        return new HandlerTracing(service, subsegmentName, captureResponse, Math.max(0, characters));
    }

    /** The service name for this invocation: the configured one, else the function's name, else null. */
    public String serviceName(Context context) {
        if (service != null) {
            return service;
        }
        String functionName = context != null ? context.getFunctionName() : null;
        return functionName != null ? functionName : System.getenv("AWS_LAMBDA_FUNCTION_NAME");
    }

    public String subsegmentName() {
        return subsegmentName;
    }

    /** Whether responses and errors are captured: as set here, else as the environment variable says. */
    public boolean capturesResponse() {
        if (captureResponse != null) {
            return captureResponse;
        }
        return Boolean.parseBoolean(System.getenv(CAPTURE_RESPONSE_VARIABLE));
    }

    public int captureLimit() {
        return captureLimit;
    }
}
