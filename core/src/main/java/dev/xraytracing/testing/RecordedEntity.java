package dev.xraytracing.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One segment or subsegment as it was emitted, read back from its JSON document, with links to its parent and
 * children across documents. This is the model both the test kit's assertions and the local run's views read.
 */
public final class RecordedEntity {
    private final JsonNode json;
    private final String traceId;
    private final boolean segment;
    private final String parentId;
    private RecordedEntity parent;
    private final List<RecordedEntity> children = new ArrayList<>();

    RecordedEntity(JsonNode json, String traceId, boolean segment, String parentId) {
        this.json = json;
        this.traceId = traceId;
        this.segment = segment;
        this.parentId = parentId;
    }

    public String name() {
        return json.path("name").asText();
    }

    public String id() {
        return json.path("id").asText();
    }

    public String traceId() {
        return traceId;
    }

    /** The id of the parent entity, or null for a trace's first segment. */
    public String parentId() {
        return parentId;
    }

    /** True for a segment (a service's own document), false for a subsegment. */
    public boolean isSegment() {
        return segment;
    }

    public String origin() {
        return text("origin");
    }

    public String namespace() {
        return text("namespace");
    }

    public double startTime() {
        return json.path("start_time").asDouble();
    }

    public double endTime() {
        return json.path("end_time").asDouble(startTime());
    }

    public double durationMillis() {
        return (endTime() - startTime()) * 1000d;
    }

    public boolean isInProgress() {
        return json.path("in_progress").asBoolean(false);
    }

    public boolean isFault() {
        return json.path("fault").asBoolean(false);
    }

    public boolean isError() {
        return json.path("error").asBoolean(false);
    }

    public boolean isThrottle() {
        return json.path("throttle").asBoolean(false);
    }

    /** Annotation values as JSON gives them: String, Boolean, Integer, Long or Double. */
    public Map<String, Object> annotations() {
        Map<String, Object> annotations = new LinkedHashMap<>();
        json.path("annotations").fields().forEachRemaining(e -> annotations.put(e.getKey(), scalar(e.getValue())));
        return annotations;
    }

    /** Metadata by namespace, then key, as JSON. */
    public Map<String, Map<String, JsonNode>> metadata() {
        Map<String, Map<String, JsonNode>> metadata = new LinkedHashMap<>();
        json.path("metadata").fields().forEachRemaining(namespace -> {
            Map<String, JsonNode> values = new LinkedHashMap<>();
            namespace.getValue().fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue()));
            metadata.put(namespace.getKey(), values);
        });
        return metadata;
    }

    /** The {@code aws} object, empty when absent. */
    public JsonNode aws() {
        return json.path("aws");
    }

    /** The {@code http} object, empty when absent. */
    public JsonNode http() {
        return json.path("http");
    }

    /** {@code http.response.status}, if recorded. */
    public Optional<Integer> httpStatus() {
        JsonNode status = json.path("http").path("response").path("status");
        return status.isNumber() ? Optional.of(status.asInt()) : Optional.empty();
    }

    /**
     * The exceptions of the cause, in order. When the cause only points at an exception already recorded below (X-Ray
     * links the same exception instead of repeating it up the tree), that exception is returned.
     */
    public List<RecordedException> exceptions() {
        JsonNode cause = json.path("cause");
        if (cause.isTextual()) {
            for (RecordedEntity entity : descendantsAndSelf()) {
                for (RecordedException exception : entity.ownExceptions()) {
                    if (cause.asText().equals(exception.id())) {
                        return List.of(exception);
                    }
                }
            }
        }
        return ownExceptions();
    }

    private List<RecordedException> ownExceptions() {
        List<RecordedException> exceptions = new ArrayList<>();
        json.path("cause").path("exceptions").forEach(e -> exceptions.add(new RecordedException(e)));
        return exceptions;
    }

    public boolean hasCause() {
        return json.has("cause");
    }

    public Optional<RecordedEntity> parent() {
        return Optional.ofNullable(parent);
    }

    public List<RecordedEntity> children() {
        return Collections.unmodifiableList(children);
    }

    /** This entity and everything below it, depth first. */
    public List<RecordedEntity> descendantsAndSelf() {
        List<RecordedEntity> all = new ArrayList<>();
        collect(all);
        return all;
    }

    private void collect(List<RecordedEntity> into) {
        into.add(this);
        for (RecordedEntity child : children) {
            child.collect(into);
        }
    }

    /** The first entity below this one (depth first) that matches. */
    public Optional<RecordedEntity> find(Predicate<RecordedEntity> predicate) {
        for (RecordedEntity child : children) {
            if (predicate.test(child)) {
                return Optional.of(child);
            }
            Optional<RecordedEntity> below = child.find(predicate);
            if (below.isPresent()) {
                return below;
            }
        }
        return Optional.empty();
    }

    /** The raw JSON of this entity (without its nested subsegments' links resolved). */
    public JsonNode json() {
        return json;
    }

    void adopt(RecordedEntity child) {
        child.parent = this;
        children.add(child);
        children.sort((a, b) -> Double.compare(a.startTime(), b.startTime()));
    }

    private String text(String field) {
        JsonNode node = json.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }

    static Object scalar(JsonNode node) {
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isInt()) {
            return node.intValue();
        }
        if (node.isIntegralNumber()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        return node.asText();
    }

    @Override
    public String toString() {
        return (segment ? "segment " : "subsegment ") + name() + " (" + id() + ")";
    }
}
