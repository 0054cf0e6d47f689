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

    /** The engine's source, ES5, as the console embeds it. */
    public static String engineSource() {
        return FilterEngine.standard().source();
    }

    public String text() {
        return text;
    }

    public boolean matches(RecordedTrace trace) {
        return !select(List.of(trace)).isEmpty();
    }

    /** The traces that match, in the order given. */
    public List<RecordedTrace> select(Collection<RecordedTrace> traces) {
        List<RecordedTrace> list = new ArrayList<>(traces);
        JsonNode answer = read(engine.select(text, TraceJson.of(list).toString()));
        List<RecordedTrace> matching = new ArrayList<>();
        for (JsonNode index : answer.path("matching")) {
            matching.add(list.get(index.asInt()));
        }
        return matching;
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
