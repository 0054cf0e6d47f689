package dev.xraytracing.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a key's value is found: its system property, then its environment variables in order; blank is unset. */
class ConfigurationTest {

    @Test
    void theSystemPropertyWinsOverTheEnvironmentVariable() {
        Configuration configuration = Configuration.of(Map.of("XRAY_TRACING_SAMPLING_RULES", "from-env.json"),
                Map.of("xraytracing.sampling.rules", "from-property.json"));

        assertThat(configuration.value(ConfigKey.SAMPLING_RULES)).isEqualTo("from-property.json");
    }

    @Test
    void theServiceNameIsOursThenPowertoolsThenOpenTelemetry() {
        Map<String, String> all = Map.of("XRAY_TRACING_SERVICE_NAME", "ours", "POWERTOOLS_SERVICE_NAME", "powertools",
                "OTEL_SERVICE_NAME", "otel");

        assertThat(Configuration.of(all, Map.of()).value(ConfigKey.SERVICE_NAME)).isEqualTo("ours");
        assertThat(Configuration.of(Map.of("POWERTOOLS_SERVICE_NAME", "powertools", "OTEL_SERVICE_NAME", "otel"),
                Map.of()).value(ConfigKey.SERVICE_NAME)).isEqualTo("powertools");
        assertThat(Configuration.of(Map.of("OTEL_SERVICE_NAME", "otel"), Map.of()).value(ConfigKey.SERVICE_NAME))
                .isEqualTo("otel");
        assertThat(Configuration.of(all, Map.of("xraytracing.service.name", "property"))
                .value(ConfigKey.SERVICE_NAME)).isEqualTo("property");
    }

    @Test
    void aBlankValueCountsAsUnset() {
        Configuration configuration = Configuration.of(
                Map.of("XRAY_TRACING_SERVICE_NAME", "  ", "POWERTOOLS_SERVICE_NAME", "powertools"),
                Map.of("xraytracing.service.name", ""));

        assertThat(configuration.value(ConfigKey.SERVICE_NAME)).isEqualTo("powertools");
        assertThat(configuration.value(ConfigKey.HANDLER_SUBSEGMENT_NAME)).isNull();
    }

    @Test
    void tracingIsOnUnlessTheSwitchSaysFalseOrOff() {
        assertThat(Configuration.of(Map.of(), Map.of()).tracingEnabled()).isTrue();
        assertThat(Configuration.of(Map.of("XRAY_TRACING_ENABLED", "true"), Map.of()).tracingEnabled()).isTrue();
        assertThat(Configuration.of(Map.of("XRAY_TRACING_ENABLED", " FALSE "), Map.of()).tracingEnabled()).isFalse();
        assertThat(Configuration.of(Map.of(), Map.of("xraytracing.enabled", "off")).tracingEnabled()).isFalse();
    }

    @Test
    void flagsIgnoreCaseAndSpaces() {
        Configuration configuration = Configuration.of(Map.of("XRAY_TRACING_CAPTURE_RESPONSE", " True ",
                "XRAY_TRACING_SDK_INTERCEPTOR", "OFF"), Map.of());

        assertThat(configuration.isTrue(ConfigKey.CAPTURE_RESPONSE)).isTrue();
        assertThat(configuration.isOff(ConfigKey.SDK_INTERCEPTOR)).isTrue();
        assertThat(configuration.isOff(ConfigKey.ENABLED)).isFalse();
    }
}
