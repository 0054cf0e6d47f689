package dev.xraytracing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.xray.AWSXRayRecorder;
import com.amazonaws.xray.entities.Entity;
import com.amazonaws.xray.entities.FacadeSegment;
import com.amazonaws.xray.entities.Segment;
import com.amazonaws.xray.entities.Subsegment;
import com.amazonaws.xray.entities.TraceHeader.SampleDecision;
import com.amazonaws.xray.entities.TraceID;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.xraytracing.internal.emit.DocumentWriter;
import dev.xraytracing.internal.emit.DocumentWriter.Shape;
import dev.xraytracing.internal.log.WarnOnce;
import dev.xraytracing.testing.SegmentDocumentSchema;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * Our lean entities (the Lambda path) carry, field by field, what the X-Ray SDK's own entities carry: the same
 * recording done on both, our writer's document of ours equals the SDK's Jackson document of its own.
 */
class LeanEntitiesMatchTheXRaySdkTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TraceID TRACE = TraceID.fromString("1-5759e988-bd862e3fe1be46a994272793");
    private static final String FUNCTION_SEGMENT = "53995c3f42cd8ad8";

    private final TracerCore core = new TracerCore(warnings -> document -> { }, null, true);
    private final AWSXRayRecorder recorder = core.recorder();
    private final WarnOnce warnings = new WarnOnce();

    @Test
    void aRichSubsegmentUnderTheFunctionSegmentIsTheSameDocumentAsTheSdks() throws Exception {
        Subsegment lean = recordRichCall(new LeanFacade(core, TRACE, FUNCTION_SEGMENT, true));
        Subsegment sdk = recordRichCall(new FacadeSegment(recorder, TRACE, FUNCTION_SEGMENT, SampleDecision.SAMPLED));

        String ours = DocumentWriter.standaloneSubsegment(lean, Shape.WHOLE, warnings);

        assertThat(comparable(ours)).isEqualTo(comparable(sdk.streamSerialize()));
        assertThat(SegmentDocumentSchema.problems(ours)).isEmpty();
    }

    /** The one difference, on purpose: the SDK's Jackson settings drop null values inside a map, ours keep them. */
    @Test
    void aNullInsideMetadataIsKeptWhereTheSdkDropsIt() throws Exception {
        LeanFacade facade = new LeanFacade(core, TRACE, FUNCTION_SEGMENT, true);
        Subsegment lean = Spans.newSubsegment(core, facade, facade, "handler");
        lean.setParent(facade);
        Map<String, Object> withNull = new LinkedHashMap<>();
        withNull.put("note", null);
        Metadata.put(lean, "orders", "order", withNull, warnings);
        lean.end();

        JsonNode order = JSON.readTree(DocumentWriter.standaloneSubsegment(lean, Shape.WHOLE, warnings))
                .path("metadata").path("orders").path("order");

        assertThat(order.has("note")).isTrue();
        assertThat(order.get("note").isNull()).isTrue();
    }

    @Test
    void referenceCountsAndEndBehaveAsTheSdksUnderTheFunctionSegment() {
        for (Segment facade : List.of(new LeanFacade(core, TRACE, FUNCTION_SEGMENT, true),
                new FacadeSegment(recorder, TRACE, FUNCTION_SEGMENT, SampleDecision.SAMPLED))) {
            Subsegment handler = Spans.newSubsegment(core, facade, facade, "handler");
            Subsegment call = Spans.newSubsegment(core, handler, facade, "call");

            assertThat(facade.getReferenceCount()).as(facade.getClass().getSimpleName()).isEqualTo(2);
            assertThat(call.end()).isFalse(); // the function segment never completes here: Lambda ends it
            assertThat(handler.end()).isFalse();
            assertThat(facade.getReferenceCount()).isZero();
            assertThat(facade.getTotalSize().intValue()).isEqualTo(2);
            assertThat(call.getTraceId()).isEqualTo(TRACE);
            assertThat(call.isSampled()).isTrue();
            assertThat(Spans.isFacade(facade)).isTrue();
            assertThat(Spans.isFacade(handler)).isFalse();
        }
    }

    @Test
    void theFunctionSegmentRefusesChangesAsTheSdksFacadeDoes() {
        LeanFacade lean = new LeanFacade(core, TRACE, FUNCTION_SEGMENT, true);
        FacadeSegment sdk = new FacadeSegment(recorder, TRACE, FUNCTION_SEGMENT, SampleDecision.SAMPLED);
        for (Segment facade : List.of(lean, sdk)) {
            assertThat(refuses(() -> facade.putAnnotation("k", "v"))).isTrue();
            assertThat(refuses(() -> facade.putMetadata("k", "v"))).isTrue();
            assertThat(refuses(() -> facade.setFault(true))).isTrue();
            assertThat(refuses(facade::end)).isTrue();
            assertThat(facade.getId()).isEqualTo(FUNCTION_SEGMENT);
            assertThat(facade.getParentSegment()).isSameAs(facade);
        }
    }

    @Test
    void idsAreSixteenHexDigitsAndDifferAfterARestore() {
        TracerCore restored = new TracerCore(warnings -> document -> { }, null, true);
        restored.restoredFromSnapshot();
        for (TracerCore tracer : List.of(core, restored)) {
            String first = tracer.newEntityId();
            assertThat(first).matches("[0-9a-f]{16}").isNotEqualTo(tracer.newEntityId());
        }
        assertThat(EntityIds.hex(0)).isEqualTo("0000000000000001");
        assertThat(EntityIds.hex(-1)).isEqualTo("ffffffffffffffff");
    }

    /** What the traced paths record on a call that failed: both kinds of entity get the same calls. */
    private Subsegment recordRichCall(Segment facade) {
        Subsegment handler = Spans.newSubsegment(core, facade, facade, "## handleRequest");
        handler.setParent(facade);
        facade.addSubsegment(handler);
        Subsegment call = Spans.newSubsegment(core, handler, facade, "Lambda");
        call.setParent(handler);
        handler.addSubsegment(call);
        Subsegment attempt = Spans.newSubsegment(core, call, facade, "Attempt 1");
        attempt.setParent(call);
        call.addSubsegment(attempt);

        for (Entity entity : List.of(handler, call, attempt)) {
            entity.setId(String.format("%04x0000000000ab", entity.getName().hashCode() & 0xffff));
        }
        handler.setStartTime(1796222040.125);
        call.setStartTime(1796222040.25);
        attempt.setStartTime(1796222040.25);
        attempt.setEndTime(1796222040.5);

        Annotations.put(handler, "ColdStart", true, warnings);
        Annotations.put(handler, "customer", "c-1", warnings);
        Annotations.put(handler, "items", 3, warnings);
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("id", "o-1");
        order.put("lines", Arrays.asList(1, 2.5, null, "x"));
        Metadata.put(handler, "orders", "order", order, warnings);
        Metadata.put(handler, Metadata.DEFAULT_NAMESPACE, "nothing", null, warnings);

        call.setNamespace("aws");
        call.putAws("operation", "Invoke");
        call.putAws("function_name", "MySecondLambda");
        call.addPrecursorId("0123456789abcdef");
        Outcomes.putResponseStatus(attempt, 429);
        Outcomes.setFlags(attempt, 429);
        attempt.end();
        Outcomes.recordException(call, shortStack(AwsServiceException.builder().statusCode(429).message("slow down")
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("TooManyRequestsException")
                        .serviceName("Lambda").build()).build()));
        call.setEndTime(1796222040.75);
        call.end();
        Outcomes.recordException(handler, shortStack(new IllegalStateException("line one\nline \"two\"",
                shortStack(new RuntimeException()))));
        handler.setEndTime(1796222041.0);
        handler.end();
        return handler;
    }

    private static <T extends Throwable> T shortStack(T thrown) {
        thrown.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("com.example.Orders", "place", "Orders.java", 42),
            new StackTraceElement("com.example.Native", "call", null, -2),
        });
        return thrown;
    }

    private static boolean refuses(Runnable change) {
        try {
            change.run();
            return false;
        } catch (UnsupportedOperationException refused) {
            return true;
        }
    }

    /**
     * Exception ids are random on both sides; the SDK writes a null path for frames without a file, and a time on a
     * whole second as a double where ours is an integer (the same number).
     */
    private static JsonNode comparable(String document) throws Exception {
        return normalized(JSON.readTree(document));
    }

    private static JsonNode normalized(JsonNode node) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            if (object.has("path") && object.get("path").isNull()) {
                object.remove("path");
            }
            for (String time : List.of("start_time", "end_time")) {
                if (object.has(time)) {
                    object.put(time, object.get(time).asDouble());
                }
            }
            if (object.has("exceptions")) {
                object.get("exceptions").forEach(exception -> {
                    ((ObjectNode) exception).set("id", TextNode.valueOf("exception"));
                    if (exception.has("cause")) {
                        ((ObjectNode) exception).set("cause", TextNode.valueOf("exception"));
                    }
                });
            }
            object.forEach(LeanEntitiesMatchTheXRaySdkTest::normalized);
        } else if (node.isArray()) {
            node.forEach(LeanEntitiesMatchTheXRaySdkTest::normalized);
        }
        return node;
    }
}
