package dev.xraytracing.lambda.internal;

import com.amazonaws.services.lambda.runtime.Context;

/** What {@code HandlerTracing} configures, as the invocation tracer reads it. */
public final class HandlerSettings {
    /** Environment variable that turns on response and error capture for handlers that do not decide themselves. */
    public static final String CAPTURE_RESPONSE_VARIABLE = "XRAY_TRACING_CAPTURE_RESPONSE";

    private final String service;
    private final String subsegmentName;
    private final Boolean captureResponse;
    private final int captureLimit;

    /**
     * @param service         the Service annotation, or null for the function's name
     * @param captureResponse whether to capture responses and errors, or null for what the environment says
     */
    public HandlerSettings(String service, String subsegmentName, Boolean captureResponse, int captureLimit) {
        this.service = service;
        this.subsegmentName = subsegmentName;
        this.captureResponse = captureResponse;
        this.captureLimit = captureLimit;
    }

    /** The service name for this invocation: the configured one, else the function's name, else null. */
    public String serviceName(Context context) {
        if (service != null) {
            return service;
        }
        String functionName = context != null ? context.getFunctionName() : null;
        return functionName != null ? functionName : System.getenv("AWS_LAMBDA_FUNCTION_NAME");
    }

    public String service() {
        return service;
    }

    public String subsegmentName() {
        return subsegmentName;
    }

    public Boolean captureResponse() {
        return captureResponse;
    }

    /** Whether responses and errors are captured: as set, else as the environment variable says. */
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
