package dev.xraytracing.local.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.xraytracing.internal.StatusFlags;
import java.time.Instant;

/** Builds the segment documents the simulated AWS services emit themselves, as JSON trees. */
public final class SegmentBuilder {
    public static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode node = JSON.createObjectNode();

    private SegmentBuilder(String name, String id) {
        node.put("name", name);
        node.put("id", id);
    }

    public static SegmentBuilder segment(String name, String id, String traceId) {
        SegmentBuilder builder = new SegmentBuilder(name, id);
        builder.node.put("trace_id", traceId);
        return builder;
    }

    public static SegmentBuilder subsegment(String name, String id) {
        return new SegmentBuilder(name, id);
    }

    /** Epoch seconds with microseconds, as X-Ray wants them. */
    public static double seconds(Instant instant) {
        return instant.getEpochSecond() + instant.getNano() / 1_000_000_000d;
    }

    public SegmentBuilder times(Instant start, Instant end) {
        node.put("start_time", Math.round(seconds(start) * 1e6) / 1e6);
        node.put("end_time", Math.round(seconds(end) * 1e6) / 1e6);
        return this;
    }

    public SegmentBuilder put(String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
        return this;
    }

    public SegmentBuilder object(String field, JsonNode value) {
        node.set(field, value);
        return this;
    }

    public ObjectNode objectAt(String... path) {
        ObjectNode current = node;
        for (String field : path) {
            current = current.has(field) ? (ObjectNode) current.get(field) : current.putObject(field);
        }
        return current;
    }

    public SegmentBuilder status(int status) {
        objectAt("http", "response").put("status", status);
        int flags = StatusFlags.of(status); // the same table the tracer uses, so the two never disagree
        if (StatusFlags.error(flags)) {
            node.put("error", true);
        }
        if (StatusFlags.throttle(flags)) {
            node.put("throttle", true);
        }
        if (StatusFlags.fault(flags)) {
            node.put("fault", true);
        }
        return this;
    }

    public SegmentBuilder fault(JsonNode cause) {
        node.put("fault", true);
        if (cause != null) {
            node.set("cause", cause);
        }
        return this;
    }

    public SegmentBuilder add(SegmentBuilder subsegment) {
        ArrayNode subsegments = node.has("subsegments") ? (ArrayNode) node.get("subsegments")
                : node.putArray("subsegments");
        subsegments.add(subsegment.node);
        return this;
    }

    public ObjectNode json() {
        return node;
    }

    @Override
    public String toString() {
        return node.toString();
    }
}
