package dev.xraytracing.local.internal.entry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.xraytracing.local.app.LocalRunException;
import java.util.ArrayList;
import java.util.List;

/**
 * One entry of a {@code PutEvents} call, read from an event file: {@code Source}, {@code DetailType} and
 * {@code Detail} (an object, or its JSON as a string), optionally {@code EventBusName} and {@code Resources}. The file
 * holds one such object or an array of them (the shape of {@code aws events put-events --entries}); an event as a
 * target receives it ({@code source}, {@code detail-type}, {@code detail}) is read too.
 *
 * @param eventBusName as the file names it, or null for the default bus
 */
public record BusEvent(String source, String detailType, String detail, String eventBusName,
                       List<String> resources) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public BusEvent {
        resources = List.copyOf(resources);
    }

    /** The events of {@code json}; {@code origin} (the file) names it in the one-line error. */
    public static List<BusEvent> parse(String json, String origin) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new LocalRunException(origin + " is not JSON: " + e.getOriginalMessage());
        }
        List<BusEvent> events = new ArrayList<>();
        if (root != null && root.isArray()) {
            root.forEach(node -> events.add(one(node, origin + " entry " + (events.size() + 1))));
        } else {
            events.add(one(root, origin));
        }
        if (events.isEmpty()) {
            throw new LocalRunException(origin + " holds no event");
        }
        return List.copyOf(events);
    }

    private static BusEvent one(JsonNode node, String origin) {
        if (node == null || !node.isObject()) {
            throw new LocalRunException(origin + " is not an event object with Source, DetailType and Detail");
        }
        String source = text(node, origin, "Source", "source");
        String detailType = text(node, origin, "DetailType", "detail-type");
        JsonNode detail = either(node, "Detail", "detail");
        if (detail == null || detail.isNull()) {
            throw new LocalRunException(origin + " has no Detail");
        }
        String detailText = detail.isTextual() ? detail.asText() : detail.toString();
        JsonNode bus = either(node, "EventBusName", "event-bus-name");
        List<String> resources = new ArrayList<>();
        JsonNode listed = either(node, "Resources", "resources");
        if (listed != null) {
            listed.forEach(r -> resources.add(r.asText()));
        }
        return new BusEvent(source, detailType, detailText, bus == null ? null : bus.asText(), resources);
    }

    private static String text(JsonNode node, String origin, String name, String eventName) {
        JsonNode value = either(node, name, eventName);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw new LocalRunException(origin + " has no " + name + " (a non-empty string)");
        }
        return value.asText();
    }

    private static JsonNode either(JsonNode node, String name, String eventName) {
        return node.has(name) ? node.get(name) : node.get(eventName);
    }
}
