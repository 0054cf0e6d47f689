package dev.xraytracing.trace;

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
 * children across documents. Values are read once, when the document is assembled; the entity is immutable once its
 * trace is built.
 */
public final class RecordedEntity {
    private final JsonNode json;
    private final String traceId;
    private final boolean segment;
    private final String parentId;
    private final String id;
    private final String name;
    private final double startTime;
    private final Double endTime;
    private final boolean inProgress;
    private final boolean fault;
    private final boolean error;
    private final boolean throttle;
    private final Map<String, Object> annotations;
    private final Map<String, Map<String, Object>> metadata;
    private final Aws aws;
    private final HttpRequest httpRequest;
    private final HttpResponse httpResponse;
    private final Cause cause;
    private final List<RecordedLink> links;
    private RecordedEntity parent;
    private RecordedTrace trace;
    private final List<RecordedEntity> children = new ArrayList<>();

    /** {@code json} holds the entity's own fields, without its nested subsegments. */
    RecordedEntity(JsonNode json, String traceId, boolean segment, String parentId) {
        this.json = json;
        this.traceId = traceId;
        this.segment = segment;
        this.parentId = parentId;
        this.id = json.path("id").asText();
        this.name = json.path("name").asText();
        this.startTime = json.path("start_time").asDouble();
        this.endTime = json.path("end_time").isNumber() ? json.get("end_time").asDouble() : null;
        this.inProgress = json.path("in_progress").asBoolean(false);
        this.fault = json.path("fault").asBoolean(false);
        this.error = json.path("error").asBoolean(false);
        this.throttle = json.path("throttle").asBoolean(false);
        this.annotations = JsonValues.toMap(json.path("annotations"));
        Map<String, Map<String, Object>> metadata = new LinkedHashMap<>();
        json.path("metadata").fields().forEachRemaining(namespace ->
                metadata.put(namespace.getKey(), JsonValues.toMap(namespace.getValue())));
        this.metadata = Collections.unmodifiableMap(metadata);
        this.aws = new Aws(json.path("aws"));
        JsonNode http = json.path("http");
        this.httpRequest = http.path("request").isObject() ? HttpRequest.of(http.get("request")) : null;
        this.httpResponse = http.path("response").isObject() ? HttpResponse.of(http.get("response")) : null;
        this.cause = json.hasNonNull("cause") ? new Cause(json.get("cause")) : null;
        List<RecordedLink> links = new ArrayList<>();
        for (JsonNode link : json.path("links")) {
            links.add(new RecordedLink(link.path("trace_id").asText(), link.path("id").asText()));
        }
        this.links = Collections.unmodifiableList(links);
    }

    public String name() {
        return name;
    }

    public String id() {
        return id;
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

    /** The segment's {@code origin}, {@code AWS::Lambda::Function} say; null when absent. */
    public String origin() {
        return JsonValues.text(json, "origin");
    }

    /** {@code aws} for an AWS SDK call, {@code remote} for another downstream call, null otherwise. */
    public String namespace() {
        return JsonValues.text(json, "namespace");
    }

    /** The segment's {@code user}, as the service recorded it; null when absent. */
    public String user() {
        return JsonValues.text(json, "user");
    }

    /** Seconds since the epoch, as written. */
    public double startTime() {
        return startTime;
    }

    /** Seconds since the epoch; the start time for an entity still in progress. */
    public double endTime() {
        return endTime != null ? endTime : startTime;
    }

    /** True when the document carries an end time (an in-progress document does not). */
    public boolean hasEndTime() {
        return endTime != null;
    }

    public double durationMillis() {
        return (endTime() - startTime) * 1000d;
    }

    public boolean isInProgress() {
        return inProgress;
    }

    public boolean isFault() {
        return fault;
    }

    public boolean isError() {
        return error;
    }

    public boolean isThrottle() {
        return throttle;
    }

    /** The entities of other traces this one links to (X-Ray's {@code links}), in order; empty when none. */
    public List<RecordedLink> links() {
        return links;
    }

    /** Annotation values as JSON gives them: String, Boolean, Integer, Long or Double. */
    public Map<String, Object> annotations() {
        return annotations;
    }

    /**
     * Metadata by namespace, then key, as plain Java values: objects are {@code Map<String, Object>}, arrays
     * {@code List<Object>}, numbers Integer, Long, BigInteger or Double, and JSON null is null.
     */
    public Map<String, Map<String, Object>> metadata() {
        return metadata;
    }

    /** The {@code aws} fields; empty when absent. */
    public Aws aws() {
        return aws;
    }

    /** {@code http.request}, if recorded. */
    public Optional<HttpRequest> httpRequest() {
        return Optional.ofNullable(httpRequest);
    }

    /** {@code http.response}, if recorded. */
    public Optional<HttpResponse> httpResponse() {
        return Optional.ofNullable(httpResponse);
    }

    /** {@code http.response.status}, if recorded. */
    public Optional<Integer> httpStatus() {
        return httpResponse().map(HttpResponse::status);
    }

    public boolean hasCause() {
        return cause != null;
    }

    /** The cause as recorded on this entity, if any. */
    public Optional<Cause> cause() {
        return Optional.ofNullable(cause);
    }

    /**
     * The exceptions of the cause, in order. When the cause only points at an exception already recorded below (X-Ray
     * links the same exception instead of repeating it up the tree), that exception is returned.
     */
    public List<RecordedException> exceptions() {
        if (cause == null) {
            return List.of();
        }
        if (cause.exceptionId() != null) {
            for (RecordedEntity entity : descendantsAndSelf()) {
                for (RecordedException exception : entity.ownExceptions()) {
                    if (cause.exceptionId().equals(exception.id())) {
                        return List.of(exception);
                    }
                }
            }
        }
        return cause.exceptions();
    }

    private List<RecordedException> ownExceptions() {
        return cause == null ? List.of() : cause.exceptions();
    }

    public Optional<RecordedEntity> parent() {
        return Optional.ofNullable(parent);
    }

    /** The trace this entity belongs to. */
    public RecordedTrace trace() {
        return trace;
    }

    /** Direct children, by start time. */
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

    /** The segment this entity belongs to: itself for a segment, else the nearest segment above it. */
    public RecordedEntity owningSegment() {
        RecordedEntity current = this;
        while (!current.isSegment() && current.parent != null) {
            current = current.parent;
        }
        return current;
    }

    /** This entity's own document as JSON text, without its nested subsegments. */
    public String document() {
        return json.toString();
    }

    void adopt(RecordedEntity child) {
        child.parent = this;
        children.add(child);
        children.sort((a, b) -> Double.compare(a.startTime(), b.startTime()));
    }

    void belongTo(RecordedTrace owner) {
        this.trace = owner;
    }

    @Override
    public String toString() {
        return (segment ? "segment " : "subsegment ") + name + " (" + id + ")";
    }
}
