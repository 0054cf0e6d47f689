package dev.xraytracing.trace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads segment documents (as the daemon receives them, one JSON object each) into traces. Subsegments sent on their
 * own are put back under their parents, and a segment whose parent is a subsegment of another service (a called
 * Lambda function under the caller's {@code Invoke}, say) is linked under it, so one trace reads as one tree.
 */
public final class TraceDocuments {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TraceDocuments() {
    }

    public static JsonNode parse(String document) {
        try {
            return JSON.readTree(stripDaemonHeader(document));
        } catch (IOException e) {
            throw new UncheckedIOException("not a JSON segment document: " + document, e);
        }
    }

    /** Accepts a raw UDP payload too: drops the {@code {"format": "json", "version": 1}} line. */
    static String stripDaemonHeader(String document) {
        if (document.startsWith("{\"format\"")) {
            int newline = document.indexOf('\n');
            if (newline > 0) {
                return document.substring(newline + 1);
            }
        }
        return document;
    }

    /** Groups documents by trace and links every entity to its parent; traces keep the order they first appeared. */
    public static List<RecordedTrace> assemble(Collection<String> documents) {
        Map<String, Map<String, RecordedEntity>> byTrace = new LinkedHashMap<>();
        for (String document : documents) {
            JsonNode json = parse(document);
            String traceId = json.path("trace_id").asText();
            boolean segment = !"subsegment".equals(json.path("type").asText(null));
            String parentId = json.hasNonNull("parent_id") ? json.get("parent_id").asText() : null;
            flatten(json, traceId, segment, parentId, byTrace.computeIfAbsent(traceId, id -> new LinkedHashMap<>()));
        }
        List<RecordedTrace> traces = new ArrayList<>();
        byTrace.forEach((traceId, entities) -> traces.add(link(traceId, entities)));
        return traces;
    }

    private static void flatten(JsonNode json, String traceId, boolean segment, String parentId,
                                Map<String, RecordedEntity> into) {
        ObjectNode own = json.deepCopy();
        own.remove("subsegments");
        RecordedEntity entity = new RecordedEntity(own, traceId, segment, parentId);
        RecordedEntity earlier = into.get(entity.id());
        // An entity sent twice (in progress, then complete) keeps its most complete version.
        if (earlier == null || !entity.isInProgress() || earlier.isInProgress()) {
            into.put(entity.id(), entity);
        }
        for (JsonNode child : json.path("subsegments")) {
            flatten(child, traceId, false, entity.id(), into);
        }
    }

    private static RecordedTrace link(String traceId, Map<String, RecordedEntity> entities) {
        List<RecordedEntity> roots = new ArrayList<>();
        for (RecordedEntity entity : entities.values()) {
            RecordedEntity parent = entity.parentId() == null ? null : entities.get(entity.parentId());
            if (parent == null) {
                roots.add(entity);
            } else {
                parent.adopt(entity);
            }
        }
        roots.sort((a, b) -> Double.compare(a.startTime(), b.startTime()));
        return new RecordedTrace(traceId, roots);
    }
}
