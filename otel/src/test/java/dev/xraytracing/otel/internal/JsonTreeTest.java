package dev.xraytracing.otel.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The document reader reads what Jackson reads, over seeded random segment documents (every string escape, numbers
 * of each kind), and refuses what is not JSON. The seed is printed; {@code -Dotel.seed=N} replays a run.
 */
class JsonTreeTest {
    private static final long SEED = Long.getLong("otel.seed", System.nanoTime());
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void readsRandomDocumentsAsJacksonDoes() throws Exception {
        System.out.println("JsonTreeTest seed " + SEED);
        RandomDocuments documents = new RandomDocuments(new Random(SEED));
        for (int i = 0; i < 500; i++) {
            String document = documents.next();

            Object ours = JsonTree.read(document);

            assertThat(ours).as("seed %d, case %d: %s", SEED, i, document)
                    .isEqualTo(jacksons(document));
        }
    }

    @Test
    void readsEscapesSpacesAndNumbersAsJacksonDoes() throws Exception {
        String document = " { \"a\" : [ 1 , -2 , 3.5e2 , -0.25 , 1E-3 , 12345678901234 , true , false , null ] ,"
                + " \"s\" : \"q\\\"b\\\\s\\/\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00\" , \"e\" : { } , \"l\" : [ ] } ";

        assertThat(JsonTree.read(document)).isEqualTo(jacksons(document));
    }

    /** Jackson's reading, with its whole numbers as {@code Long} (it gives {@code Integer} where one fits). */
    private static Object jacksons(String document) throws IOException {
        return wholeNumbersAsLong(JSON.readValue(document, Object.class));
    }

    private static Object wholeNumbersAsLong(Object value) {
        if (value instanceof Integer number) {
            return number.longValue();
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((key, item) -> out.put(key, wholeNumbersAsLong(item)));
            return out;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(JsonTreeTest::wholeNumbersAsLong).toList();
        }
        return value;
    }

    @Test
    void refusesWhatIsNotOneJsonValue() {
        for (String broken : new String[] {"", "{", "{\"a\":}", "{\"a\" 1}", "[1,]", "\"open", "tru", "{} {}",
                "\"\\x\"", "\"\\u12g4\"", "-", "{a:1}", "\"a\nb\""}) {
            assertThatThrownBy(() -> JsonTree.read(broken)).as(broken).isInstanceOf(IOException.class);
        }
    }

    @Test
    void writesBackWhatItRead() throws Exception {
        RandomDocuments documents = new RandomDocuments(new Random(SEED));
        for (int i = 0; i < 100; i++) {
            Object tree = JsonTree.read(documents.next());

            assertThat(JsonTree.read(JsonTree.write(tree))).isEqualTo(tree);
        }
    }
}
