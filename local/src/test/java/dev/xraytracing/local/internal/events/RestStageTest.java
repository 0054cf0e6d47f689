package dev.xraytracing.local.internal.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.xraytracing.local.app.RuntimeLoop;
import dev.xraytracing.local.daemon.LocalXrayDaemon;
import dev.xraytracing.local.internal.SegmentBuilder;
import dev.xraytracing.local.internal.lambda.InvokeResponse;
import dev.xraytracing.local.internal.lambda.PlatformSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The REST API stage on its own, in front of a stand-in Lambda service: routes, the proxy event's resource and path
 * parameters, and who starts the trace with and without {@code TracingEnabled}.
 */
class RestStageTest {
    final LocalXrayDaemon daemon = LocalXrayDaemon.start();
    final List<String> headers = new CopyOnWriteArrayList<>();
    final List<JsonNode> events = new CopyOnWriteArrayList<>();
    ApiGatewayStage stage;

    @AfterEach
    void stop() {
        stage.close();
        daemon.close();
    }

    void start(boolean tracingEnabled) {
        PlatformSettings settings = new PlatformSettings("us-east-1", "123456789012", "", List.of(), Map.of(),
                Duration.ZERO, true, 1, RuntimeLoop.PURE_JAVA, null, daemon.address(), line -> { });
        stage = new ApiGatewayStage("Orders", "prod", new ApiRoutes(List.of(
                new ApiRoutes.Route("GET", "/orders/{id}", "GetOrder"))), tracingEnabled, 0, settings);
        stage.start((function, payload, traceHeader) -> {
            headers.add(String.valueOf(traceHeader));
            try {
                events.add(SegmentBuilder.JSON.readTree(payload));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return new InvokeResponse(200, "{\"statusCode\":200,\"body\":\"ok\"}".getBytes(StandardCharsets.UTF_8),
                    null, null, "req-1");
        });
    }

    HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(stage.url() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void with_tracing_enabled_the_stage_starts_a_sampled_trace_and_sends_its_segment() throws Exception {
        start(true);
        HttpResponse<String> response = get("/orders/42");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(headers).singleElement().asString().matches("Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};"
                + "Sampled=1");
        assertThat(response.headers().firstValue("X-Amzn-Trace-Id")).isPresent();
        assertThat(daemon.awaitDocuments(1, Duration.ofSeconds(5))).singleElement().asString()
                .contains("\"origin\":\"AWS::ApiGateway::Stage\"");
    }

    @Test
    void without_tracing_the_stage_sends_nothing_and_passes_on_only_what_the_client_sent() throws Exception {
        start(false);
        get("/orders/42");

        assertThat(headers).containsExactly("null");
        assertThat(events.get(0).path("headers").has("X-Amzn-Trace-Id")).isFalse();
        assertThat(daemon.awaitSentSoFar(Duration.ofSeconds(5))).isTrue();
        assertThat(daemon.documents()).isEmpty();
    }

    @Test
    void the_event_names_the_resource_and_its_path_parameters() throws Exception {
        start(true);
        get("/orders/a%20b");

        JsonNode event = events.get(0);
        assertThat(event.path("resource").asText()).isEqualTo("/orders/{id}");
        assertThat(event.path("path").asText()).isEqualTo("/orders/a%20b");
        assertThat(event.path("pathParameters").path("id").asText()).isEqualTo("a b");
        assertThat(event.path("requestContext").path("resourcePath").asText()).isEqualTo("/orders/{id}");
    }

    @Test
    void a_request_no_resource_takes_is_api_gateways_403_and_invokes_nothing() throws Exception {
        start(true);
        HttpResponse<String> wrongMethod = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(stage.url() + "/orders/42")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> wrongPath = get("/customers/7");

        assertThat(List.of(wrongMethod.statusCode(), wrongPath.statusCode())).containsOnly(403);
        assertThat(wrongPath.body()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");
        assertThat(headers).isEmpty();
    }
}
