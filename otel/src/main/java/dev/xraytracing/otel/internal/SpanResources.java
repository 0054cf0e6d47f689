package dev.xraytracing.otel.internal;

import dev.xraytracing.internal.config.ConfigKey;
import dev.xraytracing.internal.config.Configuration;
import io.opentelemetry.sdk.resources.Resource;

/** The resource every span carries: who sent it (the service, Lambda's function) and in which language. */
public final class SpanResources {
    static final String SERVICE_NAME = "service.name";

    private SpanResources() {
    }

    /** From the process's settings, as the SDK's {@code Resource} (see {@link #fieldsFromEnvironment}). */
    public static Resource fromEnvironment() {
        return Resource.create(SpanRecords.attributes(fieldsFromEnvironment()));
    }

    /** From the process's settings: the service name, else the function's name, and Lambda's attributes there. */
    static SpanFields fieldsFromEnvironment() {
        Configuration settings = Configuration.process();
        String function = settings.value(ConfigKey.FUNCTION_NAME);
        String service = settings.value(ConfigKey.SERVICE_NAME);
        SpanFields attributes = new SpanFields()
                .put(SERVICE_NAME, service != null ? service : function != null ? function : "xray-tracing")
                .put("telemetry.sdk.name", "opentelemetry")
                .put("telemetry.sdk.language", "java")
                .put("cloud.provider", "aws");
        if (function != null) {
            attributes.put("cloud.platform", "aws_lambda").put("faas.name", function);
        }
        return attributes;
    }
}
