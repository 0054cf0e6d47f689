package dev.xraytracing.local.internal.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import dev.xraytracing.local.internal.SegmentBuilder;
import dev.xraytracing.local.internal.lambda.InvokeResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An HTTP API route with {@code PayloadFormatVersion: 1.0}, in front of a stand-in Lambda service: the function gets
 * the 1.0 event of API Gateway's "Working with AWS Lambda proxy integrations for HTTP APIs" (which
 * {@code APIGatewayProxyRequestEvent} reads), and its answer must be a response with a {@code statusCode}.
 */
class HttpApiPayloadFormatOneTest {
    final List<String> events = new CopyOnWriteArrayList<>();
    volatile String answer = "{\"statusCode\":202,\"headers\":{\"X-One\":\"1\"},"
            + "\"multiValueHeaders\":{\"X-Many\":[\"a\",\"b\"]},\"body\":\"done\"}";
    HttpApiStage stage;

    @AfterEach
    void stop() {
        stage.close();
    }

    void start() {
        stage = new HttpApiStage("$default", new ApiRoutes(List.of(
                new ApiRoutes.Route("GET", "/orders/{id}", "GetOrder", "1.0"),
                new ApiRoutes.Route("ANY", "/{proxy+}", "Other", "2.0"))), "123456789012", 0);
        stage.start((function, payload, traceHeader) -> {
            events.add(new String(payload, StandardCharsets.UTF_8));
            return new InvokeResponse(200, answer.getBytes(StandardCharsets.UTF_8), null, null, "req-1");
        });
    }

    HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(stage.url() + path))
                .header("X-Custom", "hi").build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void the_function_gets_the_1_0_event_that_the_events_library_reads() throws Exception {
        start();
        get("/orders/7?a=1&a=2");

        JsonNode event = SegmentBuilder.JSON.readTree(events.get(0));
        assertThat(event.path("version").asText()).isEqualTo("1.0");
        assertThat(event.path("requestContext").path("stage").asText()).isEqualTo("$default");
        assertThat(event.path("requestContext").path("domainPrefix").asText())
                .isEqualTo(event.path("requestContext").path("apiId").asText());
        assertThat(event.path("requestContext").path("requestTime").asText()).matches("\\d\\d/\\w{3}/\\d{4}:.*");
        assertThat(event.path("requestContext").path("resourceId").isNull()).isTrue();
        APIGatewayProxyRequestEvent read = readAsTheRuntimeDoes(events.get(0));
        assertThat(read.getHttpMethod()).isEqualTo("GET");
        assertThat(read.getResource()).isEqualTo("/orders/{id}");
        assertThat(read.getPath()).isEqualTo("/orders/7");
        assertThat(read.getPathParameters()).containsEntry("id", "7");
        assertThat(read.getQueryStringParameters()).containsEntry("a", "2");
        assertThat(read.getMultiValueQueryStringParameters().get("a")).containsExactly("1", "2");
        assertThat(read.getHeaders()).containsEntry("X-custom", "hi");
        assertThat(read.getRequestContext().getPath()).isEqualTo("/orders/7");
    }

    @Test
    void a_1_0_response_maps_status_headers_and_body() throws Exception {
        start();
        HttpResponse<String> response = get("/orders/7");

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body()).isEqualTo("done");
        assertThat(response.headers().firstValue("X-One")).contains("1");
        assertThat(response.headers().firstValue("X-Many")).contains("a,b");
    }

    @Test
    void an_answer_without_a_status_code_is_a_500_under_1_0_but_a_200_body_under_2_0() throws Exception {
        start();
        answer = "\"just text\"";

        assertThat(get("/orders/7").statusCode()).isEqualTo(500);
        HttpResponse<String> other = get("/elsewhere");
        assertThat(other.statusCode()).isEqualTo(200);
        assertThat(other.body()).isEqualTo("\"just text\"");
    }

    private static APIGatewayProxyRequestEvent readAsTheRuntimeDoes(String event) throws IOException {
        PojoSerializer<APIGatewayProxyRequestEvent> serializer = LambdaEventSerializers.serializerFor(
                APIGatewayProxyRequestEvent.class, HttpApiPayloadFormatOneTest.class.getClassLoader());
        return serializer.fromJson(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)));
    }
}
