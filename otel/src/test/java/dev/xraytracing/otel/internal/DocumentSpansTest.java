package dev.xraytracing.otel.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A segment document becomes the spans from which X-Ray draws the same entities again. */
class DocumentSpansTest {
    private static final String TRACE = "1-5759e988-bd862e3fe1be46a994272793";

    private static SpanData only(String entity) throws Exception {
        List<SpanData> spans = DocumentSpans.of("{\"trace_id\":\"" + TRACE + "\",\"type\":\"subsegment\","
                + "\"parent_id\":\"53995C3F42CD8AD8\",\"start_time\":1500000000.123456,\"end_time\":1500000001.5,"
                + entity + "}", Resource.empty());
        assertThat(spans).hasSize(1);
        return spans.get(0);
    }

    @Test
    void anIdOpenTelemetryWouldNotAcceptIsRefusedNotSentAsZeros() {
        assertThatThrownBy(() -> only("\"name\":\"Work\",\"id\":\"0000000000000000\""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> only("\"name\":\"Work\",\"id\":\"70de5b6f19ff9a0a\",\"subsegments\":"
                + "[{\"name\":\"Child\",\"id\":\"not-an-id\",\"start_time\":1.5e9,\"end_time\":1.5e9}]"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not-an-id");
    }

    @Test
    void aSubsegmentUnderLambdasSegmentKeepsItsIdsAndTimes() throws Exception {
        SpanData span = only("\"name\":\"## handleRequest\",\"id\":\"70de5b6f19ff9a0a\"");

        assertThat(span.getKind()).isEqualTo(SpanKind.INTERNAL);
        assertThat(span.getTraceId()).isEqualTo("5759e988bd862e3fe1be46a994272793");
        assertThat(span.getSpanId()).isEqualTo("70de5b6f19ff9a0a");
        assertThat(span.getParentSpanId()).isEqualTo("53995c3f42cd8ad8");
        assertThat(span.getStartEpochNanos()).isEqualTo(1_500_000_000_123_456_000L);
        assertThat(span.getEndEpochNanos()).isEqualTo(1_500_000_001_500_000_000L);
    }

    @Test
    void annotationsBecomeAttributesNamedInAwsXrayAnnotationsAndMetadataOneJsonAttributePerNamespace()
            throws Exception {
        SpanData span = only("\"name\":\"Load\",\"id\":\"70de5b6f19ff9a0a\",\"annotations\":{\"OrderId\":42,"
                + "\"Express\":true,\"Customer\":\"ada\"},\"metadata\":{\"order\":{\"lines\":[1,2]}}");

        assertThat(span.getAttributes().get(AttributeKey.longKey("OrderId"))).isEqualTo(42L);
        assertThat(span.getAttributes().get(AttributeKey.booleanKey("Express"))).isTrue();
        assertThat(span.getAttributes().get(AttributeKey.stringArrayKey("aws.xray.annotations")))
                .containsExactly("OrderId", "Express", "Customer");
        assertThat(span.getAttributes().get(AttributeKey.stringKey("aws.xray.metadata.order")))
                .isEqualTo("{\"lines\":[1,2]}");
    }

    @Test
    void anSdkCallIsAClientSpanWithTheRpcConventionsAndItsAwsFields() throws Exception {
        SpanData span = only("\"name\":\"DynamoDB\",\"id\":\"70de5b6f19ff9a0a\",\"namespace\":\"aws\","
                + "\"aws\":{\"operation\":\"GetItem\",\"table_name\":\"orders\",\"retries\":0}");

        assertThat(span.getKind()).isEqualTo(SpanKind.CLIENT);
        assertThat(span.getAttributes().get(AttributeKey.stringKey("rpc.system"))).isEqualTo("aws-api");
        assertThat(span.getAttributes().get(AttributeKey.stringKey("rpc.service"))).isEqualTo("DynamoDB");
        assertThat(span.getAttributes().get(AttributeKey.stringKey("rpc.method"))).isEqualTo("GetItem");
        assertThat(span.getAttributes().get(AttributeKey.stringKey("aws.table_name"))).isEqualTo("orders");
        assertThat(span.getAttributes().get(AttributeKey.longKey("aws.retries"))).isZero();
    }

    @Test
    void theStatusIsOnlyAnErrorWhereXRayReadsTheFlagsBackFromIt() throws Exception {
        assertThat(only("\"name\":\"A\",\"id\":\"70de5b6f19ff9a01\",\"fault\":true").getStatus().getStatusCode())
                .isEqualTo(StatusCode.ERROR);
        SpanData notFound = only("\"name\":\"B\",\"id\":\"70de5b6f19ff9a02\",\"error\":true,"
                + "\"http\":{\"response\":{\"status\":404}}");
        assertThat(notFound.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(notFound.getAttributes().get(AttributeKey.longKey("http.response.status_code"))).isEqualTo(404L);
        // An error without any status is an error status: X-Ray shows it as fault, never as a success.
        assertThat(only("\"name\":\"D\",\"id\":\"70de5b6f19ff9a04\",\"error\":true").getStatus().getStatusCode())
                .isEqualTo(StatusCode.ERROR);
        // An error with a 3xx cannot be told to X-Ray: an error status would read as fault (docs/opentelemetry.md).
        assertThat(only("\"name\":\"C\",\"id\":\"70de5b6f19ff9a03\",\"error\":true,"
                + "\"http\":{\"response\":{\"status\":302}}").getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    }

    @Test
    void anExceptionAndTheCauseItNamesBecomeOneEventWithAJavaStackTrace() throws Exception {
        SpanData span = only("\"name\":\"V\",\"id\":\"70de5b6f19ff9a0a\",\"fault\":true,\"cause\":{\"exceptions\":["
                + "{\"id\":\"a1\",\"type\":\"java.lang.IllegalStateException\",\"message\":\"no stock\",\"cause\":\"a2\","
                + "\"stack\":[{\"path\":\"Shop.java\",\"line\":12,\"label\":\"shop.Shop.buy\"}]},"
                + "{\"id\":\"a2\",\"type\":\"java.lang.IllegalArgumentException\",\"message\":\"sku 7\"}]}");

        assertThat(span.getEvents()).singleElement().satisfies(event -> {
            assertThat(event.getName()).isEqualTo("exception");
            assertThat(event.getAttributes().get(AttributeKey.stringKey("exception.type")))
                    .isEqualTo("java.lang.IllegalStateException");
            assertThat(event.getAttributes().get(AttributeKey.stringKey("exception.stacktrace"))).isEqualTo(
                    "java.lang.IllegalStateException: no stock\n\tat shop.Shop.buy(Shop.java:12)\n"
                            + "Caused by: java.lang.IllegalArgumentException: sku 7\n");
        });
    }

    @Test
    void aDocumentStillInProgressGivesNoSpanItsCompleteDocumentFollows() throws Exception {
        assertThat(DocumentSpans.of("{\"trace_id\":\"" + TRACE + "\",\"id\":\"70de5b6f19ff9a0a\",\"name\":\"S\","
                + "\"start_time\":1.5e9,\"in_progress\":true}", Resource.empty())).isEmpty();
    }

    @Test
    void spansTurnedBackIntoDocumentsGiveTheSameNamesIdsFlagsAndAnnotations() throws Exception {
        SpanData span = only("\"name\":\"Charge\",\"id\":\"70de5b6f19ff9a0a\",\"fault\":true,"
                + "\"http\":{\"response\":{\"status\":503}},\"annotations\":{\"Attempt\":2}");

        String document = SpanDocuments.of(List.of(span)).get(0);

        assertThat(document).contains("\"name\":\"Charge\"", "\"id\":\"70de5b6f19ff9a0a\"",
                "\"parent_id\":\"53995c3f42cd8ad8\"", "\"trace_id\":\"" + TRACE + "\"", "\"type\":\"subsegment\"",
                "\"fault\":true", "\"error\":false", "\"status\":503", "\"annotations\":{\"Attempt\":2}");
    }
}
