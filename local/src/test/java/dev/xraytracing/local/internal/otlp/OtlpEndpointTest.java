package dev.xraytracing.local.internal.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xraytracing.local.app.LocalRunException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code --otlp}'s endpoint: a base URL gets {@code /v1/traces}, as OTEL_EXPORTER_OTLP_ENDPOINT's does; no gRPC. */
class OtlpEndpointTest {
    @ParameterizedTest
    @CsvSource({
            "http://127.0.0.1:4318, http://127.0.0.1:4318/v1/traces",
            "http://127.0.0.1:4318/, http://127.0.0.1:4318/v1/traces",
            "https://collector.example:443/otlp, https://collector.example:443/otlp/v1/traces",
            "http://localhost:4318/v1/traces, http://localhost:4318/v1/traces",
            "http://tempo:4318, http://tempo:4318/v1/traces"})
    void a_base_url_gets_the_traces_path_appended_once(String endpoint, String url) {
        assertThat(OtlpEndpoint.tracesUrl(endpoint)).hasToString(url);
    }

    @Test
    void grpc_is_refused_naming_the_http_receiver() {
        assertThatThrownBy(() -> OtlpEndpoint.tracesUrl("http://127.0.0.1:4317"))
                .isInstanceOf(LocalRunException.class)
                .hasMessage("--otlp http://127.0.0.1:4317 names OTLP/gRPC (port 4317), which is not supported: spans go"
                        + " out as OTLP/HTTP protobuf; give the Collector's HTTP receiver, e.g. http://127.0.0.1:4318");
        assertThatThrownBy(() -> OtlpEndpoint.tracesUrl("grpc://collector:9000")).hasMessageContaining("OTLP/gRPC");
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1:4318", "ftp://127.0.0.1:4318", "http://", "http://a b", "http://h:4318/?x=1"})
    void what_is_not_an_http_url_is_one_line(String endpoint) {
        assertThatThrownBy(() -> OtlpEndpoint.tracesUrl(endpoint)).isInstanceOf(LocalRunException.class)
                .hasMessageStartingWith("--otlp " + endpoint + " ");
    }
}
