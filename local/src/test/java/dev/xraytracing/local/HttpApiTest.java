package dev.xraytracing.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xraytracing.local.app.LocalFunction;
import dev.xraytracing.local.app.RuntimeLoop;
import dev.xraytracing.testing.SegmentDocumentSchema;
import dev.xraytracing.trace.RecordedTrace;
import dev.xraytracing.trace.TraceDocuments;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An HTTP API (payload format 2.0) in front of a function named with {@code ::handleRequest}: the event and the
 * response mapping are 2.0's, and API Gateway traces nothing, so the function's Tracing decides.
 */
class HttpApiTest {
    static final List<String> OUTPUT = new CopyOnWriteArrayList<>();
    static LocalPlatform platform;

    @BeforeAll
    static void start() {
        platform = LocalPlatform.builder()
                .function(LocalFunction.of("Active", "dev.xraytracing.local.handlers.HttpApiHandler::handleRequest")
                        .memoryMb(256))
                .function(LocalFunction.of("Passive", "dev.xraytracing.local.handlers.HttpApiHandler::handleRequest")
                        .activeTracing(false))
                .httpRoute("GET", "/items/{id}", "Active")
                .httpRoute("ANY", "/{proxy+}", "Passive")
                .runtimeLoop(RuntimeLoop.PURE_JAVA)
                .output(OUTPUT::add)
                .start();
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @BeforeEach
    void forgetEarlierDocuments() {
        platform.awaitDocuments();
        platform.daemon().clear();
    }

    @Test
    void the_function_gets_a_2_0_event_and_its_response_is_mapped_as_2_0_maps_it() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(platform.httpApiUrl() + "/items/7?a=1&a=2"))
                .header("X-Custom", "hi").header("Cookie", "c1=x; c2=y").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(String.join("\n", OUTPUT)).isEqualTo(201);
        assertThat(response.body()).startsWith("GET /items/{id}|/items/7|a=1&a=2|{id=7}|{a=1,2}|[c1=x, c2=y]|hi|GET"
                + "|$default|256MB|");
        // MemorySize sizes the heap as Lambda does: about 85 % of it (the JVM reports a little less).
        long heapMb = Long.parseLong(response.body().replaceAll(".*\\|(\\d+)MB heap$", "$1"));
        assertThat(heapMb).isBetween(180L, 218L);
        assertThat(response.headers().firstValue("X-Answer")).contains("yes");
        assertThat(response.headers().allValues("Set-Cookie")).containsExactly("seen=1");
    }

    @Test
    void no_api_gateway_segment_and_an_active_function_starts_the_trace() {
        platform.requestHttpApi("GET", "/items/8", null);
        List<String> documents = platform.awaitDocuments();

        SegmentDocumentSchema.assertValid(documents);
        List<RecordedTrace> traces = TraceDocuments.assemble(documents);
        assertThat(traces).hasSize(1);
        assertThat(traces.get(0).roots()).singleElement()
                .satisfies(root -> assertThat(root.origin()).isEqualTo("AWS::Lambda"));
        assertThat(traces.get(0).get("Answer").annotations()).containsEntry("Route", "GET /items/{id}");
    }

    @Test
    void a_pass_through_function_behind_an_http_api_records_nothing() {
        LocalPlatform.ApiResponse response = platform.requestHttpApi("POST", "/anything/else", "{}");

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.body()).startsWith("$default|/anything/else|");
        assertThat(platform.awaitDocuments()).isEmpty();
    }
}
