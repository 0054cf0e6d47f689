package dev.xraytracing.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.xraytracing.Tracing;
import dev.xraytracing.trace.RecordedEntity;
import dev.xraytracing.testing.TracingExtension;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.DoubleAdder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Issue 11, items 4 and 5: metadata that used to make the writer throw, or write invalid JSON. */
class HostileMetadataIsRecordedAsAJsonSafeCopyTest {

    @RegisterExtension
    static final TracingExtension tracing = TracingExtension.inSegment();

    /** The recorded value as it stands in the document, as JSON. */
    private static JsonNode metadata(RecordedEntity entity, String key) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(entity.document())
                    .path("metadata").path("default").path(key);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private JsonNode recorded(Object value) {
        Tracing.run("Work", s -> s.annotate("survivor", "here").metadata("value", value));
        RecordedEntity work = tracing.trace().get("Work");
        assertThat(work.annotations()).containsEntry("survivor", "here");
        return metadata(work, "value");
    }

    @Test
    void anIterableWhoseIterationThrowsBecomesAPlaceholder() {
        assertThat(recorded(new Hostile.ThrowingIterable()).asText()).startsWith("<unserializable ");
    }

    @Test
    void aMapWhoseIterationThrowsBecomesAPlaceholder() {
        assertThat(recorded(new Hostile.ThrowingMap()).asText()).startsWith("<unserializable ");
    }

    @Test
    void anEnumIsWrittenByItsNameWhateverItsToString() {
        assertThat(recorded(Hostile.Mood.GRUMPY).asText()).isEqualTo("GRUMPY");
    }

    @Test
    void charSequencesWhoseToStringFailsBecomePlaceholders() {
        JsonNode list = recorded(List.of(new Hostile.NullText(), new Hostile.ThrowingText(), "ok"));

        assertThat(list).hasSize(3);
        assertThat(list.get(0).asText()).startsWith("<unserializable ");
        assertThat(list.get(1).asText()).startsWith("<unserializable ");
        assertThat(list.get(2).asText()).isEqualTo("ok");
    }

    @Test
    void mapKeysWhoseToStringFailsGetPlaceholderKeys() {
        Map<Object, Object> map = new HashMap<>();
        map.put(new Hostile.Key(true), 1);
        map.put(new Hostile.Key(false), 2);
        map.put("plain", 3);

        JsonNode node = recorded(map);

        assertThat(node.size()).isEqualTo(3);
        assertThat(node.path("plain").asInt()).isEqualTo(3);
    }

    @Test
    void aLiveMapIsRecordedAsItWasWhenRecorded() {
        Map<String, Object> live = new HashMap<>();
        live.put("before", 1);
        Tracing.run("Work", s -> {
            s.metadata("live", live);
            for (int i = 0; i < 100; i++) {
                live.put("after" + i, i);
            }
        });

        JsonNode node = metadata(tracing.trace().get("Work"), "live");
        assertThat(node.size()).isEqualTo(1);
    }

    @Test
    void aJacksonObjectNodeIsWrittenAsAnObject() {
        ObjectNode object = new ObjectMapper().createObjectNode().put("a", 1).put("nan", Double.NaN);
        object.putArray("list").add("x");

        JsonNode node = recorded(object);

        assertThat(node.isObject()).isTrue();
        assertThat(node.path("a").asInt()).isEqualTo(1);
        assertThat(node.path("nan").asText()).isEqualTo("NaN");
        assertThat(node.path("list").get(0).asText()).isEqualTo("x");
    }

    @Test
    void nonFiniteAndOddNumbersAreWrittenAsValidJson() {
        DoubleAdder nan = new DoubleAdder();
        nan.add(Double.NaN);

        JsonNode node = recorded(List.of(nan, new Hostile.Money("12.30 EUR", 12.3), new Hostile.Money("", 1),
                new Hostile.Money(null, Double.POSITIVE_INFINITY), Double.NEGATIVE_INFINITY));

        assertThat(node.get(0).asText()).isEqualTo("NaN");
        assertThat(node.get(1).asDouble()).isEqualTo(12.3);
        assertThat(node.get(2).asInt()).isEqualTo(1);
        assertThat(node.get(3).asText()).isEqualTo("Infinity");
        assertThat(node.get(4).asText()).isEqualTo("-Infinity");
    }

    @Test
    void nonFiniteAndOddNumberAnnotationsAreValid() {
        DoubleAdder nan = new DoubleAdder();
        nan.add(Double.NaN);
        Tracing.run("Work", s -> s.annotate("nan", nan).annotate("money", new Hostile.Money("12.30 EUR", 12.5)));

        RecordedEntity work = tracing.trace().get("Work");
        assertThat(work.annotations()).containsEntry("nan", "NaN").containsEntry("money", 12.5);
    }

    @Test
    void aGetterThatThrowsAnErrorBecomesAPlaceholder() {
        assertThat(recorded(new Hostile.ErrorGetter()).asText()).startsWith("<unserializable ");
    }
}
