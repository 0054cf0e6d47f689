package dev.xraytracing.local.internal.explore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Answers compared as the app means them: a JSON body with its object keys in order and without a Lambda error's
 * {@code stackTrace} (a map's key order and a stack's frames change from one JVM to the next, the answer does not);
 * any other body as it is.
 */
final class Bodies {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Bodies() {
    }

    static String canonical(String body) {
        if (body == null) {
            return "";
        }
        try {
            JsonNode tree = JSON.readTree(body);
            return tree == null ? body : sorted(tree).toString();
        } catch (IOException notJson) {
            return body;
        }
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            ObjectNode sorted = JSON.createObjectNode();
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.stream().sorted().filter(name -> !name.equals("stackTrace"))
                    .forEach(name -> sorted.set(name, sorted(node.get(name))));
            return sorted;
        }
        if (node.isArray()) {
            var array = JSON.createArrayNode();
            node.forEach(element -> array.add(sorted(element)));
            return array;
        }
        return node;
    }
}
