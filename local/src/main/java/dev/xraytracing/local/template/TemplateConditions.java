package dev.xraytracing.local.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The template's {@code Conditions}, applied before anything else is read, as CloudFormation applies them when it
 * creates the stack: a resource whose {@code Condition} is false is not created, each {@code Fn::If} becomes the
 * branch its condition chooses, and a property or list item that is {@code Ref AWS::NoValue} is left out. A condition
 * is {@code Fn::Equals}, {@code Fn::And}, {@code Fn::Or}, {@code Fn::Not} or {@code Condition} over literals,
 * parameters (with the run's overrides), pseudo parameters and {@code Fn::FindInMap}, which is all CloudFormation
 * lets a condition refer to. Anything that cannot be decided is a {@link TemplateError}: the run cannot know which
 * resources exist.
 */
final class TemplateConditions {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final JsonNode conditions;
    private final Intrinsics intrinsics;
    private final Map<String, Boolean> decided = new HashMap<>();
    private final Set<String> deciding = new HashSet<>();

    /** @param intrinsics resolves what a condition compares (parameters with their overrides, Fn::FindInMap) */
    TemplateConditions(JsonNode conditions, Intrinsics intrinsics) {
        this.conditions = conditions;
        this.intrinsics = intrinsics;
    }

    /**
     * Removes the resources whose condition is false from {@code declared}, and chooses every {@code Fn::If} branch
     * (and leaves out {@code AWS::NoValue}) in the others and in {@code globals}.
     *
     * @throws TemplateError naming the resource (or {@code Globals}) and what could not be decided
     */
    void apply(Map<String, JsonNode> declared, JsonNode globals) {
        for (Iterator<Map.Entry<String, JsonNode>> resources = declared.entrySet().iterator(); resources.hasNext(); ) {
            Map.Entry<String, JsonNode> resource = resources.next();
            String where = "resource " + resource.getKey() + " (" + resource.getValue().path("Type").asText() + ")";
            try {
                JsonNode condition = resource.getValue().path("Condition");
                if (!condition.isMissingNode() && !holds(condition.asText())) {
                    resources.remove();
                    continue;
                }
                choose(resource.getValue().path("Properties"));
            } catch (TemplateError e) {
                throw new TemplateError(where + ": " + e.getMessage());
            }
        }
        try {
            choose(globals);
        } catch (TemplateError e) {
            throw new TemplateError("Globals: " + e.getMessage());
        }
    }

    /** Whether condition {@code name} of the template's {@code Conditions} holds. */
    boolean holds(String name) {
        Boolean known = decided.get(name);
        if (known != null) {
            return known;
        }
        if (!conditions.has(name)) {
            throw new TemplateError("condition " + name + " is not in the template's Conditions");
        }
        if (!deciding.add(name)) {
            throw new TemplateError("condition " + name + " refers to itself");
        }
        try {
            boolean value = evaluate(conditions.get(name), name);
            decided.put(name, value);
            return value;
        } finally {
            deciding.remove(name);
        }
    }

    private boolean evaluate(JsonNode condition, String name) {
        if (condition.isObject() && condition.size() == 1) {
            String function = condition.fieldNames().next();
            JsonNode argument = condition.get(function);
            switch (function) {
                case "Condition":
                    return holds(argument.asText());
                case "Fn::Equals":
                    requireList(argument, 2, 2, name, function);
                    return value(argument.get(0), name).equals(value(argument.get(1), name));
                case "Fn::Not":
                    requireList(argument, 1, 1, name, function);
                    return !evaluate(argument.get(0), name);
                case "Fn::And":
                case "Fn::Or":
                    requireList(argument, 2, 10, name, function);
                    boolean and = function.equals("Fn::And");
                    for (JsonNode part : argument) {
                        if (evaluate(part, name) != and) {
                            return !and;
                        }
                    }
                    return and;
                default:
                    break;
            }
        }
        throw new TemplateError("condition " + name + ": " + condition + " is not Fn::Equals, Fn::And, Fn::Or, "
                + "Fn::Not or Condition");
    }

    private static void requireList(JsonNode argument, int least, int most, String name, String function) {
        if (!argument.isArray() || argument.size() < least || argument.size() > most) {
            throw new TemplateError("condition " + name + ": " + function + " takes a list of " + least
                    + (least == most ? "" : " to " + most) + ", not " + argument);
        }
    }

    /** A value a condition compares: a literal, a parameter or pseudo parameter, or {@code Fn::FindInMap}. */
    private String value(JsonNode value, String name) {
        try {
            return intrinsics.text(value);
        } catch (Intrinsics.Unresolved e) {
            throw new TemplateError("condition " + name + ": " + e.getMessage());
        }
    }

    /** Chooses the branches of every {@code Fn::If} in {@code node}, in place, and leaves out {@code AWS::NoValue}. */
    private void choose(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> fields = new ArrayList<>();
            object.fieldNames().forEachRemaining(fields::add);
            for (String field : fields) {
                JsonNode chosen = chosen(object.get(field));
                if (chosen == null) {
                    object.remove(field);
                } else {
                    object.set(field, chosen);
                    choose(chosen);
                }
            }
        } else if (node instanceof ArrayNode array) {
            ArrayNode kept = NODES.arrayNode();
            for (JsonNode item : array) {
                JsonNode chosen = chosen(item);
                if (chosen != null) {
                    choose(chosen);
                    kept.add(chosen);
                }
            }
            array.removeAll();
            array.addAll(kept);
        }
    }

    /** The node with its own {@code Fn::If} chosen (repeatedly, for one nested in a branch); null for NoValue. */
    private JsonNode chosen(JsonNode node) {
        JsonNode current = node;
        while (current.isObject() && current.size() == 1 && current.has("Fn::If")) {
            JsonNode argument = current.get("Fn::If");
            if (!argument.isArray() || argument.size() != 3 || !argument.get(0).isTextual()) {
                throw new TemplateError("Fn::If " + argument + " is not [condition, value if true, value if false]");
            }
            current = holds(argument.get(0).asText()) ? argument.get(1) : argument.get(2);
        }
        boolean noValue = current.isObject() && current.size() == 1
                && "AWS::NoValue".equals(current.path("Ref").asText(null));
        return noValue ? null : current;
    }
}
