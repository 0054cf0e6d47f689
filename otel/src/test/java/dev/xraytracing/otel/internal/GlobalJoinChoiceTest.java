package dev.xraytracing.otel.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xraytracing.internal.config.Configuration;
import dev.xraytracing.internal.log.WarnOnce;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GlobalJoinChoiceTest {
    static final String FUNCTION = "AWS_LAMBDA_FUNCTION_NAME";

    static boolean asks(Map<String, String> environment) {
        return GlobalJoinChoice.worthAsking(Configuration.of(environment, Map.of()), new WarnOnce());
    }

    @Test
    void in_lambda_without_an_agent_or_a_wrapper_the_global_is_not_asked_for() {
        assertThat(asks(Map.of(FUNCTION, "orders"))).isFalse();
        assertThat(asks(Map.of(FUNCTION, "orders", "JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation"))).isFalse();
    }

    @Test
    void in_lambda_the_java_agent_or_the_adot_layers_wrapper_makes_it_ask() {
        assertThat(asks(Map.of(FUNCTION, "orders", "JAVA_TOOL_OPTIONS",
                "-javaagent:/opt/opentelemetry-javaagent.jar"))).isTrue();
        assertThat(asks(Map.of(FUNCTION, "orders", "AWS_LAMBDA_EXEC_WRAPPER", "/opt/otel-handler"))).isTrue();
    }

    @Test
    void outside_lambda_it_always_asks() {
        assertThat(asks(Map.of())).isTrue();
    }

    @Test
    void on_and_off_decide_whatever_the_environment_shows() {
        assertThat(asks(Map.of(FUNCTION, "orders", "XRAY_TRACING_OTEL_GLOBAL", "on"))).isTrue();
        assertThat(asks(Map.of("AWS_LAMBDA_EXEC_WRAPPER", "/opt/otel-handler", "XRAY_TRACING_OTEL_GLOBAL", "off")))
                .isFalse();
    }

    @Test
    void an_unknown_value_is_logged_once_and_auto_applies() {
        WarnOnce warnings = new WarnOnce();
        boolean asked = GlobalJoinChoice.worthAsking(Configuration.of(Map.of(FUNCTION, "orders",
                "XRAY_TRACING_OTEL_GLOBAL", "yes"), Map.of()), warnings);

        assertThat(asked).isFalse();
        assertThat(warnings.warn("otel:global-choice", "again")).as("already logged").isFalse();
    }

    @Test
    void with_the_api_and_the_sdks_span_model_on_the_class_path_it_can_join() {
        WarnOnce warnings = new WarnOnce();

        assertThat(GlobalJoinChoice.canJoin(Configuration.of(Map.of(), Map.of()), warnings)).isTrue();
        assertThat(warnings.warn("otel:global:absent", "probe")).as("nothing was logged").isTrue();
    }

    @Test
    void without_them_an_agent_or_a_wrapper_is_told_once_where_the_spans_go_instead() {
        String[] absent = {"io.opentelemetry.api.GlobalOpenTelemetry", "no.such.SpanData"};
        WarnOnce warnings = new WarnOnce();
        Configuration agent = Configuration.of(Map.of(FUNCTION, "orders", "AWS_LAMBDA_EXEC_WRAPPER",
                "/opt/otel-handler"), Map.of());

        assertThat(GlobalJoinChoice.canJoin(agent, warnings, absent)).isFalse();
        assertThat(warnings.warn("otel:global:absent", "again")).as("already logged").isFalse();
    }

    @Test
    void without_them_and_without_an_agent_the_daemon_path_is_taken_quietly() {
        String[] absent = {"no.such.GlobalOpenTelemetry"};
        WarnOnce warnings = new WarnOnce();

        assertThat(GlobalJoinChoice.canJoin(Configuration.of(Map.of(FUNCTION, "orders"), Map.of()), warnings,
                absent)).isFalse();
        assertThat(warnings.warn("otel:global:absent", "probe")).as("nothing was logged").isTrue();
    }
}
