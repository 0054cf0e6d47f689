package dev.xraytracing.filter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.xraytracing.trace.RecordedEntity;
import dev.xraytracing.trace.RecordedTrace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;

/**
 * The one input format of the filter engine, in Java and in the console alike: per trace its id and its entities,
 * each as its own document (without nested subsegments), its parent's id and whether it is a segment.
 */
public final class TraceJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TraceJson() {
    }

    public static ArrayNode of(Collection<RecordedTrace> traces) {
        ArrayNode array = JSON.createArrayNode();
        for (RecordedTrace trace : traces) {
            array.add(of(trace));
        }
        return array;
    }

    public static ObjectNode of(RecordedTrace trace) {
        ObjectNode node = JSON.createObjectNode().put("id", trace.traceId());
        ArrayNode entities = node.putArray("entities");
        for (RecordedEntity entity : trace.entities()) {
            ObjectNode item = entities.addObject();
            item.set("doc", parse(entity.document()));
            String parent = entity.parent().map(RecordedEntity::id).orElse(entity.parentId());
            if (parent != null) {
                item.put("parent", parent);
            }
            item.put("segment", entity.isSegment());
        }
        return node;
    }

    private static JsonNode parse(String document) {
        try {
            return JSON.readTree(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
