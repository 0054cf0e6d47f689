package dev.xraytracing.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import dev.xraytracing.internal.config.ConfigKey;
import dev.xraytracing.internal.config.Configuration;
import dev.xraytracing.lambda.internal.HandlerSettings;

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
    public static final String DEFAULT_SUBSEGMENT_NAME = HandlerSettings.DEFAULT_SUBSEGMENT_NAME;
    public static final int DEFAULT_CAPTURE_LIMIT = 4_096;

    private static final HandlerTracing DEFAULTS = new HandlerTracing(
            new HandlerSettings(null, null, null, DEFAULT_CAPTURE_LIMIT));

    private final HandlerSettings settings;

    private HandlerTracing(HandlerSettings settings) {
        this.settings = settings;
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
        return new HandlerTracing(new HandlerSettings(serviceName, settings.subsegmentName(),
                settings.captureResponse(), settings.captureLimit()));
    }

    /**
     * The name of the subsegment each invocation gets under the function segment; null restores the default
     * ({@code XRAY_TRACING_HANDLER_SUBSEGMENT}, else {@code ## handleRequest}).
     */
    public HandlerTracing subsegmentName(String name) {
        return new HandlerTracing(new HandlerSettings(settings.service(), name, settings.captureResponse(),
                settings.captureLimit()));
    }

    /** Records the handler's response, or its error, as metadata (namespace {@code lambda}); off by default. */
    public HandlerTracing captureResponse(boolean capture) {
        return new HandlerTracing(new HandlerSettings(settings.service(), settings.subsegmentName(), capture,
                settings.captureLimit()));
    }

    /** The most characters a captured response or error keeps; longer ones are cut and marked so. */
    public HandlerTracing captureLimit(int characters) {
        return new HandlerTracing(new HandlerSettings(settings.service(), settings.subsegmentName(),
                settings.captureResponse(), Math.max(0, characters)));
    }

    /**
     * The service name for this invocation: the one set here, else the first of {@code xraytracing.service.name},
     * {@code XRAY_TRACING_SERVICE_NAME}, {@code POWERTOOLS_SERVICE_NAME} and {@code OTEL_SERVICE_NAME}, else the
     * function's name, else null.
     */
    public String serviceName(Context context) {
        return settings.serviceName(context, Configuration.process());
    }

    /** The handler subsegment's name: the one set here, else the environment's, else {@code ## handleRequest}. */
    public String subsegmentName() {
        return settings.subsegmentName(Configuration.process());
    }

    /** Whether responses and errors are captured: as set here, else as the environment variable says. */
    public boolean capturesResponse() {
        return settings.capturesResponse(Configuration.process());
    }

    public int captureLimit() {
        return settings.captureLimit();
    }

    /** The same settings, as the invocation tracer takes them. */
    HandlerSettings settings() {
        return settings;
    }
}
