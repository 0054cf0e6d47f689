package dev.xraytracing.otel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.xraytracing.Tracing;
import dev.xraytracing.fakes.FakeAws;
import dev.xraytracing.lambda.TracedHandler;
import dev.xraytracing.lambda.testing.Invocation;
import dev.xraytracing.lambda.testing.LambdaInvoker;
import dev.xraytracing.lambda.testing.TestContext;
import dev.xraytracing.otel.internal.DocumentRoundTrip;
import dev.xraytracing.testing.SegmentDocumentSchema;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The same traced handler on both backends: what X-Ray shows for the OpenTelemetry backend's spans (converted as the
 * Collector's X-Ray exporter converts them) matches the X-Ray backend's documents entity by entity and field by
 * field, except where docs/opentelemetry.md says X-Ray cannot read the difference from a span.
 */
class XrayAndOpenTelemetryTracesMatchTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The {@code aws} fields X-Ray reads from span attributes; the others land in {@code default} metadata. */
    private static final Set<String> AWS_FIELDS_X_RAY_READS = Set.of("operation", "region", "request_id",
            "queue_url", "table_name", "account_id");

    @RegisterExtension
    final FakeAws aws = FakeAws.start();

    @Test
    void aTracedHandlerWithSubsAnnotationsMetadataFailuresAndSdkCallsLooksTheSameOnBothBackends() throws Exception {
        aws.json(200, "{\"Item\":{\"id\":{\"S\":\"42\"}}}");
        var dynamo = aws.dynamoDb();
        var handler = TracedHandler.<String, String>of((input, context) -> {
            Tracing.annotate("Customer", input);
            Tracing.run("LoadOrder", load -> {
                load.annotate("OrderId", 42).annotate("Express", true).metadata("order", Map.of("lines", 3));
                dynamo.getItem(r -> r.tableName("orders").key(Map.of("id", AttributeValue.fromS("42"))));
            });
            Tracing.run("Charge", charge -> charge.status(503).metadata("payments", "attempt", 1));
            Tracing.run("Notify", notify -> notify.status(404));
            try {
                Tracing.run("Validate", validate -> {
                    throw new IllegalStateException("no stock", new IllegalArgumentException("sku 7"));
                });
            } catch (IllegalStateException expected) {
                // recorded on Validate, handled here
            }
            return "ok";
        });

        assumeFalse("opentelemetry".equals(System.getProperty("xraytracing.backend")),
                "the kit itself is on the OpenTelemetry backend: there is no X-Ray trace to compare with");
        Invocation<String> invocation = LambdaInvoker.of(handler)
                .withContext(TestContext.forFunction("orders").withRequestId("req-7")).invoke("ada");
        List<String> xray = invocation.documents();
        List<String> openTelemetry = new ArrayList<>();
        var backend = new DocumentRoundTrip().apply(openTelemetry::add);
        xray.forEach(backend);

        SegmentDocumentSchema.assertValid(openTelemetry);
        Map<String, JsonNode> expected = entities(xray);
        Map<String, JsonNode> actual = entities(openTelemetry);
        assertThat(actual.keySet()).as("the same entities, by id").isEqualTo(expected.keySet());
        for (Map.Entry<String, JsonNode> entry : expected.entrySet()) {
            assertSamePicture(entry.getValue(), actual.get(entry.getKey()));
        }
    }

    private static void assertSamePicture(JsonNode xray, JsonNode otel) {
        String name = xray.path("name").asText();
        assertThat(otel.path("name").asText()).as("name").isEqualTo(name);
        for (String field : List.of("trace_id", "parent_id", "namespace")) {
            assertThat(otel.path(field).asText()).as(name + ": " + field).isEqualTo(xray.path(field).asText());
        }
        assertThat(otel.path("start_time").asDouble()).as(name + ": start").isCloseTo(
                xray.path("start_time").asDouble(), within(1e-6));
        assertThat(otel.path("end_time").asDouble()).as(name + ": end").isCloseTo(
                xray.path("end_time").asDouble(), within(1e-6));
        for (String flag : List.of("fault", "error", "throttle")) {
            assertThat(otel.path(flag).asBoolean()).as(name + ": " + flag).isEqualTo(xray.path(flag).asBoolean());
        }
        assertThat(otel.path("annotations")).as(name + ": annotations").isEqualTo(xray.path("annotations"));
        assertThat(otel.path("http").path("response").path("status"))
                .as(name + ": status").isEqualTo(xray.path("http").path("response").path("status"));
        xray.path("aws").fields().forEachRemaining(field -> {
            JsonNode where = AWS_FIELDS_X_RAY_READS.contains(field.getKey()) ? otel.path("aws").path(field.getKey())
                    : otel.path("metadata").path("default").path("aws." + field.getKey());
            assertThat(where).as(name + ": aws." + field.getKey()).isEqualTo(field.getValue());
        });
        xray.path("metadata").fields().forEachRemaining(namespace -> namespace.getValue().fields()
                .forEachRemaining(entry -> assertThat(otel.path("metadata").path(namespace.getKey())
                        .path(entry.getKey())).as(name + ": metadata " + namespace.getKey() + "." + entry.getKey())
                        .isEqualTo(entry.getValue())));
        assertThat(exceptions(otel)).as(name + ": exceptions").isEqualTo(exceptions(xray));
    }

    /** Type and message of each exception, in order: ids are X-Ray's to give, and differ. */
    private static List<String> exceptions(JsonNode entity) {
        List<String> described = new ArrayList<>();
        entity.path("cause").path("exceptions").forEach(exception ->
                described.add(exception.path("type").asText() + ": " + exception.path("message").asText()));
        return described;
    }

    /** Every entity of the documents, nested ones too, by id, without their children. */
    private static Map<String, JsonNode> entities(List<String> documents) throws Exception {
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        for (String document : documents) {
            collect(JSON.readTree(document), null, null, byId);
        }
        return byId;
    }

    private static void collect(JsonNode entity, String traceId, String parentId, Map<String, JsonNode> byId) {
        ObjectNode own = entity.deepCopy();
        own.remove("subsegments");
        if (traceId != null) {
            own.put("trace_id", traceId);
            own.put("parent_id", parentId);
        }
        byId.put(own.path("id").asText(), own);
        for (Iterator<JsonNode> children = entity.path("subsegments").elements(); children.hasNext(); ) {
            collect(children.next(), own.path("trace_id").asText(), own.path("id").asText(), byId);
        }
    }
}
