package dev.xraytracing.otel.internal;

import dev.xraytracing.internal.config.ConfigKey;
import dev.xraytracing.internal.config.Configuration;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.sdk.resources.Resource;

/** The resource every span carries: who sent it (the service, Lambda's function) and in which language. */
public final class SpanResources {
    private SpanResources() {
    }

    /** From the process's settings: the service name, else the function's name, and Lambda's attributes there. */
    public static Resource fromEnvironment() {
        Configuration settings = Configuration.process();
        String function = settings.value(ConfigKey.FUNCTION_NAME);
        String service = settings.value(ConfigKey.SERVICE_NAME);
        AttributesBuilder attributes = Attributes.builder()
                .put("service.name", service != null ? service : function != null ? function : "xray-tracing")
                .put("telemetry.sdk.name", "opentelemetry")
                .put("telemetry.sdk.language", "java")
                .put("cloud.provider", "aws");
        if (function != null) {
            attributes.put("cloud.platform", "aws_lambda").put("faas.name", function);
        }
        return Resource.create(attributes.build());
    }
}
