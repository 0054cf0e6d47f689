package dev.xraytracing.internal.emit;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.xray.AWSXRayRecorder;
import com.amazonaws.xray.entities.Segment;
import com.amazonaws.xray.entities.SegmentImpl;
import com.amazonaws.xray.entities.Subsegment;
import com.amazonaws.xray.entities.SubsegmentImpl;
import com.amazonaws.xray.entities.TraceID;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.xraytracing.internal.TracerCore;
import dev.xraytracing.internal.emit.DocumentWriter.Shape;
import dev.xraytracing.internal.log.WarnOnce;
import dev.xraytracing.testing.SegmentDocumentSchema;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Our hand-written documents carry exactly what the X-Ray SDK's Jackson serialization carries. */
class DocumentWriterMatchesTheXRaySdkTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final AWSXRayRecorder recorder = new TracerCore(warnings -> document -> { }, null, true).recorder();
    private final WarnOnce warnings = new WarnOnce();

    @Test
    void aRichSegmentIsWrittenWithTheSameFieldsAndValues() throws IOException {
        Segment segment = richSegment();

        String ours = DocumentWriter.segment(segment, Shape.WHOLE, warnings);

        assertThat(JSON.readTree(ours)).isEqualTo(withoutNullPaths(JSON.readTree(segment.serialize())));
        assertThat(SegmentDocumentSchema.problems(ours)).isEmpty();
    }

    @Test
    void aStandaloneSubsegmentNamesItsTraceAndParent() throws IOException {
        Segment segment = richSegment();
        Subsegment child = segment.getSubsegments().get(0);

        String ours = DocumentWriter.standaloneSubsegment(child, Shape.WHOLE, warnings);

        assertThat(JSON.readTree(ours)).isEqualTo(withoutNullPaths(JSON.readTree(child.streamSerialize())));
        assertThat(SegmentDocumentSchema.problems(ours)).isEmpty();
    }

    private Segment richSegment() {
        SegmentImpl segment = new SegmentImpl(recorder, "orders", TraceID.create(recorder));
        segment.setOrigin("AWS::Lambda::Function");
        segment.putAnnotation("customer", "c-1");
        segment.putAnnotation("items", 3);
        segment.putAnnotation("vip", true);
        segment.putMetadata("request", Map.of("path", "/orders", "tags", List.of("a", "b")));
        segment.putHttp("response", Map.of("status", 200));
        Subsegment child = new SubsegmentImpl(recorder, "DynamoDB", segment);
        child.setParent(segment);
        segment.addSubsegment(child);
        child.setNamespace("aws");
        child.putAws("operation", "GetItem");
        child.putAws("table_name", "orders");
        child.setError(true);
        child.addException(new IllegalStateException("line one\nline \"two\"\ttabbed"));
        child.end();
        // Times off the whole second: there ours writes an integer and the SDK a double, the same number.
        segment.setStartTime(1796222040.125);
        child.setStartTime(1796222040.25);
        child.setEndTime(1796222040.5);
        segment.setEndTime(1796222040.375);
        segment.setInProgress(false);
        return segment;
    }

    /** The SDK writes a null {@code path} for stack frames without a file, which the schema rejects; we leave it out. */
    private static JsonNode withoutNullPaths(JsonNode node) {
        if (node.isObject()) {
            com.fasterxml.jackson.databind.node.ObjectNode object = (com.fasterxml.jackson.databind.node.ObjectNode) node;
            if (object.has("path") && object.get("path").isNull()) {
                object.remove("path");
            }
            object.forEach(DocumentWriterMatchesTheXRaySdkTest::withoutNullPaths);
        } else if (node.isArray()) {
            node.forEach(DocumentWriterMatchesTheXRaySdkTest::withoutNullPaths);
        }
        return node;
    }
}
