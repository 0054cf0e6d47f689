package dev.xraytracing.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The test kit validates against a copy of X-Ray's schema that knows links; the published file stays as published. */
class SchemaChecksLinksTest {
    private static final String SUBSEGMENT = "{\"name\":\"SQS orders\",\"id\":\"70de5b6f19ff9a0a\","
            + "\"start_time\":1.478293361271E9,\"end_time\":1.478293361449E9,\"type\":\"subsegment\","
            + "\"trace_id\":\"1-581cf771-a006649127e371903a2de979\",\"parent_id\":\"53995c3f42cd8ad8\",\"links\":%s}";

    @Test
    void aLinkWithATraceIdAndAnEntityIdIsValid() {
        assertThat(SegmentDocumentSchema.problems(String.format(SUBSEGMENT,
                "[{\"trace_id\":\"1-5759e988-bd862e3fe1be46a994272793\",\"id\":\"defdfd9912dc5a56\","
                        + "\"attributes\":{\"source\":\"aws:sqs\"}}]"))).isEmpty();
    }

    @Test
    void aLinkWithoutItsEntityIdOrWithAMalformedTraceIdIsRejected() {
        assertThat(SegmentDocumentSchema.problems(String.format(SUBSEGMENT,
                "[{\"trace_id\":\"1-5759e988-bd862e3fe1be46a994272793\"}]"))).isNotEmpty();
        assertThat(SegmentDocumentSchema.problems(String.format(SUBSEGMENT,
                "[{\"trace_id\":\"5759e988\",\"id\":\"defdfd9912dc5a56\"}]"))).isNotEmpty();
        assertThat(SegmentDocumentSchema.problems(String.format(SUBSEGMENT, "{}"))).isNotEmpty();
    }

    @Test
    void thePublishedSchemaShipsUnchangedBesideTheCopy() throws IOException {
        try (InputStream published = SegmentDocumentSchema.class.getResourceAsStream(
                "xray-segmentdocument-schema-v1.0.0.json")) {
            String text = new String(published.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(text).doesNotContain("\"links\"");
        }
    }
}
