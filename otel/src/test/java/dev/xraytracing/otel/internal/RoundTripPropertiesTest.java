package dev.xraytracing.otel.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.sdk.resources.Resource;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Over seeded random documents: a document turned into spans and back, as X-Ray turns spans into documents, keeps its
 * ids, name, annotations, metadata and flags, except the flags docs/opentelemetry.md says X-Ray cannot read from a
 * span (error on a 3xx). The seed is printed; {@code -Dotel.seed=N} replays a run.
 */
class RoundTripPropertiesTest {
    private static final long SEED = Long.getLong("otel.seed", System.nanoTime());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int[] STATUSES = {0, 200, 302, 404, 429, 500, 503};
    private static final String NAME_CHARACTERS = "abcXYZ019 _.:/%&#=+\\-@äé東";

    @Test
    void aDocumentThroughSpansAndBackKeepsWhatXRayCanRead() throws Exception {
        System.out.println("RoundTripPropertiesTest seed " + SEED);
        Random random = new Random(SEED);
        for (int i = 0; i < 300; i++) {
            int status = STATUSES[random.nextInt(STATUSES.length)];
            String name = text(random, NAME_CHARACTERS, 1 + random.nextInt(30));
            String id = String.format("%016x", random.nextLong());
            String document = "{\"name\":" + JSON.writeValueAsString(name) + ",\"id\":\"" + id + "\","
                    + "\"trace_id\":\"1-5759e988-" + String.format("%024x", random.nextLong() & Long.MAX_VALUE)
                    + "\",\"type\":\"subsegment\",\"parent_id\":\"53995c3f42cd8ad8\","
                    + "\"start_time\":1.5e9,\"end_time\":1500000000.25" + flags(status)
                    + (status == 0 ? "" : ",\"http\":{\"response\":{\"status\":" + status + "}}")
                    + ",\"annotations\":{\"k" + i + "\":" + random.nextInt(1000) + ",\"s\":"
                    + JSON.writeValueAsString(text(random, NAME_CHARACTERS, 5)) + ",\"b\":" + random.nextBoolean() + "}"
                    + ",\"metadata\":{\"ns\":{\"n\":{\"deep\":[1,\"two\",null,true]}}}}";
            JsonNode original = JSON.readTree(document);

            JsonNode back = JSON.readTree(SpanDocuments.of(DocumentSpans.of(document, Resource.empty())).get(0));

            String where = "seed " + SEED + ", case " + i + ": " + document;
            assertThat(back.path("id")).as(where).isEqualTo(original.path("id"));
            assertThat(back.path("trace_id")).as(where).isEqualTo(original.path("trace_id"));
            assertThat(back.path("parent_id")).as(where).isEqualTo(original.path("parent_id"));
            assertThat(back.path("name")).as(where).isEqualTo(original.path("name"));
            assertThat(back.path("annotations")).as(where).isEqualTo(original.path("annotations"));
            assertThat(back.path("metadata").path("ns")).as(where).isEqualTo(original.path("metadata").path("ns"));
            assertThat(back.path("fault").asBoolean()).as(where).isEqualTo(original.path("fault").asBoolean());
            assertThat(back.path("throttle").asBoolean()).as(where).isEqualTo(original.path("throttle").asBoolean());
            boolean readable = status < 300 || status >= 400;
            if (readable) {
                assertThat(back.path("error").asBoolean()).as(where).isEqualTo(original.path("error").asBoolean());
            }
        }
    }

    /** The flags the tracer sets for a status (internal.StatusFlags). */
    private static String flags(int status) {
        if (status == 429) {
            return ",\"error\":true,\"throttle\":true";
        }
        if (status >= 300 && status < 500) {
            return ",\"error\":true";
        }
        return status >= 500 ? ",\"fault\":true" : "";
    }

    private static String text(Random random, String characters, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(characters.charAt(random.nextInt(characters.length())));
        }
        String trimmed = text.toString().strip();
        return trimmed.isEmpty() ? "x" : trimmed;
    }
}
