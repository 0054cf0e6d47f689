package dev.xraytracing.filter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.xraytracing.trace.RecordedTrace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * An X-Ray filter expression, such as {@code service("orders") { fault OR responsetime > 2.5 }}, evaluated over
 * recorded traces with the X-Ray console's meaning. The grammar and the evaluator are one JavaScript file, the same
 * one the local console runs in the browser; see the README for the keywords.
 */
public final class FilterExpression {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String text;
    private final FilterEngine engine;

    private FilterExpression(String text, FilterEngine engine) {
        this.text = text;
        this.engine = engine;
    }

    /** Parses {@code text}; throws {@link InvalidFilterExpressionException}, saying where and what, if it is invalid. */
    public static FilterExpression parse(String text) {
        Objects.requireNonNull(text, "text");
        FilterEngine engine = FilterEngine.standard();
        JsonNode answer = read(engine.select(text, "[]"));
        if (answer.has("error")) {
            JsonNode error = answer.get("error");
            throw new InvalidFilterExpressionException(text, error.path("position").asInt(), error.path("expected")
                    .asText(), error.path("found").asText());
        }
        return new FilterExpression(text, engine);
    }

    /** The engine's source, ES5, as the console embeds it: the filter, then the root-cause model. */
    public static String engineSource() {
        return FilterEngine.standard().source();
    }

    public String text() {
        return text;
    }

    /** Whether the trace matches; throws {@link FilterEvaluationException} where it cannot be evaluated. */
    public boolean matches(RecordedTrace trace) {
        return !select(List.of(trace)).isEmpty();
    }

    /**
     * The traces that match, in the order given. Throws {@link FilterEvaluationException} naming the first trace the
     * expression cannot be evaluated on, rather than leaving that trace out unexplained.
     */
    public List<RecordedTrace> select(Collection<RecordedTrace> traces) {
        List<RecordedTrace> list = new ArrayList<>(traces);
        List<RecordedTrace> matching = new ArrayList<>();
        for (int index : selectIndexes(TraceJson.of(list).toString())) {
            matching.add(list.get(index));
        }
        return matching;
    }

    /** The indexes of the matching traces among {@code tracesJson}, the engine's input format ({@link TraceJson}). */
    List<Integer> selectIndexes(String tracesJson) {
        JsonNode answer = read(engine.select(text, tracesJson));
        JsonNode error = answer.get("error");
        if (error != null) {
            throw new FilterEvaluationException(text, error.path("trace").isTextual() ? error.path("trace").asText()
                    : null, error.path("message").asText());
        }
        List<Integer> indexes = new ArrayList<>();
        for (JsonNode index : answer.path("matching")) {
            indexes.add(index.asInt());
        }
        return indexes;
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
