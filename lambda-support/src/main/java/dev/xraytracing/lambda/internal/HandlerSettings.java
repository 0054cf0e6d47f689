package dev.xraytracing.lambda.internal;

import com.amazonaws.services.lambda.runtime.Context;
import dev.xraytracing.internal.config.ConfigKey;
import dev.xraytracing.internal.config.Configuration;

/**
 * What {@code HandlerTracing} configures, as the invocation tracer reads it. A setting left null falls back to the
 * tracer's configuration (docs/configuration.md), read per invocation.
 */
public final class HandlerSettings {
    public static final String DEFAULT_SUBSEGMENT_NAME = "## handleRequest";

    private final String service;
    private final String subsegmentName;
    private final Boolean captureResponse;
    private final int captureLimit;

    /**
     * @param service         the Service annotation, or null for the configured one, else the function's name
     * @param subsegmentName  the handler subsegment's name, or null for the configured one, else {@code ## handleRequest}
     * @param captureResponse whether to capture responses and errors, or null for what the configuration says
     */
    public HandlerSettings(String service, String subsegmentName, Boolean captureResponse, int captureLimit) {
        this.service = service;
        this.subsegmentName = subsegmentName;
        this.captureResponse = captureResponse;
        this.captureLimit = captureLimit;
    }

    /** The service name for this invocation: the one set, else the configured one, else the function's name. */
    public String serviceName(Context context, Configuration configuration) {
        if (service != null) {
            return service;
        }
        String configured = configuration.value(ConfigKey.SERVICE_NAME);
        if (configured != null) {
            return configured.trim();
        }
        String functionName = context != null ? context.getFunctionName() : null;
        return functionName != null ? functionName : configuration.value(ConfigKey.FUNCTION_NAME);
    }

    /** The handler subsegment's name: the one set, else the configured one, else {@code ## handleRequest}. */
    public String subsegmentName(Configuration configuration) {
        if (subsegmentName != null) {
            return subsegmentName;
        }
        String configured = configuration.value(ConfigKey.HANDLER_SUBSEGMENT_NAME);
        return configured != null ? configured.trim() : DEFAULT_SUBSEGMENT_NAME;
    }

    /** Whether responses and errors are captured: as set, else as the configuration says. */
    public boolean capturesResponse(Configuration configuration) {
        return captureResponse != null ? captureResponse : configuration.isTrue(ConfigKey.CAPTURE_RESPONSE);
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

    public int captureLimit() {
        return captureLimit;
    }
}
