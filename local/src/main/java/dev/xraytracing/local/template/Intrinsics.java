package dev.xraytracing.local.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves the intrinsic functions real templates use, as CloudFormation would: {@code Ref}, {@code Fn::GetAtt},
 * {@code Fn::Sub} (both forms), {@code Fn::Join}, {@code Fn::Select}, {@code Fn::Split}, {@code Fn::FindInMap},
 * over parameters' defaults, pseudo parameters, the template's {@code Mappings} and the resources'
 * {@link ResourceIdentities identities}. What cannot be resolved is an
 * {@link Unresolved} naming what it refers to; the caller says where.
 */
final class Intrinsics {
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]*)}");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Map<String, String> parameters;
    private final ResourceIdentities identities;
    private final JsonNode mappings;

    /**
     * @param parameters parameters' values and pseudo parameters, by name
     * @param mappings   the template's {@code Mappings} section, which {@code Fn::FindInMap} reads
     */
    Intrinsics(Map<String, String> parameters, ResourceIdentities identities, JsonNode mappings) {
        this.parameters = parameters;
        this.identities = identities;
        this.mappings = mappings;
    }

    /** The value as text: plain, or an intrinsic that resolves to text (a number or a boolean is its text). */
    String text(JsonNode value) {
        JsonNode resolved = resolve(value);
        if (!resolved.isValueNode() || resolved.isNull()) {
            throw new Unresolved(describe(value) + " is not a single value");
        }
        return resolved.asText();
    }

    /** The value with every intrinsic in it resolved, at any depth. */
    JsonNode resolve(JsonNode value) {
        if (value.isArray()) {
            ArrayNode out = NODES.arrayNode();
            value.forEach(item -> out.add(resolve(item)));
            return out;
        }
        if (!value.isObject()) {
            return value;
        }
        if (value.size() == 1) {
            String key = value.fieldNames().next();
            JsonNode argument = value.get(key);
            switch (key) {
                case "Ref" -> {
                    return TextNode.valueOf(ref(argument.asText()));
                }
                case "Fn::GetAtt" -> {
                    return TextNode.valueOf(getAtt(argument));
                }
                case "Fn::Sub" -> {
                    return TextNode.valueOf(sub(argument));
                }
                case "Fn::Join" -> {
                    return TextNode.valueOf(join(argument));
                }
                case "Fn::Split" -> {
                    return split(argument);
                }
                case "Fn::Select" -> {
                    return select(argument);
                }
                case "Fn::FindInMap" -> {
                    return findInMap(argument);
                }
                default -> {
                    if (key.startsWith("Fn::") || key.equals("Condition")) {
                        throw new Unresolved(key + " is not supported locally (Ref, Fn::GetAtt, Fn::Sub, Fn::Join, "
                                + "Fn::Select, Fn::Split and Fn::FindInMap are)");
                    }
                }
            }
        }
        ObjectNode out = NODES.objectNode();
        value.fields().forEachRemaining(e -> out.set(e.getKey(), resolve(e.getValue())));
        return out;
    }

    /**
     * {@code Fn::FindInMap [MapName, TopLevelKey, SecondLevelKey]}: the value under the two keys of one of the
     * template's {@code Mappings}, each argument perhaps an intrinsic itself ({@code !Ref Stage}). A key that is not
     * there is an {@link Undeclared}, an error wherever it is used, as CloudFormation fails the stack.
     */
    private JsonNode findInMap(JsonNode argument) {
        if (!argument.isArray() || argument.size() != 3) {
            throw new Unresolved("Fn::FindInMap " + argument + " is not [MapName, TopLevelKey, SecondLevelKey]");
        }
        String map = text(argument.get(0));
        String top = text(argument.get(1));
        String second = text(argument.get(2));
        JsonNode value = mappings.path(map).path(top).path(second);
        if (value.isMissingNode()) { // CloudFormation fails the stack ("Unable to get mapping")
            throw new Undeclared("Fn::FindInMap [" + map + ", " + top + ", " + second + "]: "
                    + (!mappings.has(map) ? "the template has no mapping " + map
                    : !mappings.path(map).has(top) ? "mapping " + map + " has no key " + top
                    : "mapping " + map + "." + top + " has no key " + second));
        }
        return resolve(value);
    }

    /** What {@code Ref name} gives. */
    String ref(String name) {
        String parameter = parameters.get(name);
        if (parameter != null) {
            return parameter;
        }
        if (name.startsWith("AWS::")) {
            throw new Unresolved("Ref " + name + " is a pseudo parameter the local run does not know");
        }
        if (parameters.containsKey(name)) {
            throw new Unresolved("Ref " + name + ": parameter " + name + " has no Default");
        }
        return identity(name, "Ref " + name).ref();
    }

    private String getAtt(JsonNode argument) {
        String resource;
        String attribute;
        if (argument.isTextual() && argument.asText().contains(".")) {
            resource = argument.asText().substring(0, argument.asText().indexOf('.'));
            attribute = argument.asText().substring(resource.length() + 1);
        } else if (argument.isArray() && argument.size() == 2) {
            resource = argument.get(0).asText();
            attribute = text(argument.get(1));
        } else {
            throw new Unresolved("Fn::GetAtt " + argument + " is not [resource, attribute]");
        }
        String what = "Fn::GetAtt " + resource + "." + attribute;
        ResourceIdentities.Identity identity = identity(resource, what);
        String value = identity.attributes().get(attribute);
        if (value == null) {
            throw new Unresolved(what + ": " + resource + " (" + identity.type() + ") has no attribute " + attribute
                    + " locally (it has " + String.join(", ", identity.attributes().keySet()) + ")");
        }
        return value;
    }

    private ResourceIdentities.Identity identity(String logicalId, String what) {
        Optional<String> type = identities.type(logicalId);
        if (type.isEmpty()) {
            throw new Undeclared(what + ": " + logicalId + " is no resource or parameter of the template");
        }
        return identities.of(logicalId, this).orElseThrow(() -> new Unresolved(what + ": " + logicalId + " ("
                + type.get() + ") is not simulated locally"));
    }

    private String sub(JsonNode argument) {
        String text;
        JsonNode variables = NODES.objectNode();
        if (argument.isTextual()) {
            text = argument.asText();
        } else if (argument.isArray() && argument.size() == 2 && argument.get(0).isTextual()) {
            text = argument.get(0).asText();
            variables = argument.get(1);
        } else {
            throw new Unresolved("Fn::Sub " + argument + " is neither a string nor [string, {variables}]");
        }
        Matcher matcher = SUB_VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1).trim();
            String value;
            if (name.startsWith("!")) {
                value = "${" + name.substring(1) + "}";
            } else if (variables.has(name)) {
                value = text(variables.get(name));
            } else if (name.contains(".") && !name.startsWith("AWS::")) {
                int dot = name.indexOf('.');
                value = getAtt(NODES.arrayNode().add(name.substring(0, dot)).add(name.substring(dot + 1)));
            } else {
                value = ref(name);
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return matcher.appendTail(out).toString();
    }

    private String join(JsonNode argument) {
        if (!argument.isArray() || argument.size() != 2) {
            throw new Unresolved("Fn::Join " + argument + " is not [delimiter, [values]]");
        }
        List<String> parts = new ArrayList<>();
        list(argument.get(1), "Fn::Join").forEach(item -> parts.add(item.asText()));
        return String.join(argument.get(0).asText(), parts);
    }

    private JsonNode split(JsonNode argument) {
        if (!argument.isArray() || argument.size() != 2) {
            throw new Unresolved("Fn::Split " + argument + " is not [delimiter, string]");
        }
        ArrayNode out = NODES.arrayNode();
        String delimiter = argument.get(0).asText();
        String source = text(argument.get(1));
        int from = 0;
        for (int at = source.indexOf(delimiter); at >= 0 && !delimiter.isEmpty(); at = source.indexOf(delimiter, from)) {
            out.add(source.substring(from, at));
            from = at + delimiter.length();
        }
        return out.add(source.substring(from));
    }

    private JsonNode select(JsonNode argument) {
        if (!argument.isArray() || argument.size() != 2) {
            throw new Unresolved("Fn::Select " + argument + " is not [index, [values]]");
        }
        int index;
        try {
            index = Integer.parseInt(text(argument.get(0)));
        } catch (NumberFormatException e) {
            throw new Unresolved("Fn::Select index " + argument.get(0) + " is not a number");
        }
        JsonNode values = list(argument.get(1), "Fn::Select");
        if (index < 0 || index >= values.size()) {
            throw new Unresolved("Fn::Select index " + index + " is outside the " + values.size() + " values");
        }
        return values.get(index);
    }

    private JsonNode list(JsonNode value, String function) {
        JsonNode resolved = resolve(value);
        if (resolved.isTextual() && value.has("Ref")) {
            // a CommaDelimitedList parameter
            return split(NODES.arrayNode().add(",").add(resolved));
        }
        if (!resolved.isArray()) {
            throw new Unresolved(function + " needs a list, not " + describe(value));
        }
        return resolved;
    }

    private static String describe(JsonNode value) {
        return value.isObject() && value.size() == 1 ? value.fieldNames().next() + " " + value.elements().next()
                : value.toString();
    }

    /** An intrinsic that cannot be resolved: what it refers to, in one line, without where it stands. */
    static class Unresolved extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unresolved(String message) {
            super(message);
        }
    }

    /** A reference to a name the template does not declare, which CloudFormation refuses outright. */
    static final class Undeclared extends Unresolved {
        private static final long serialVersionUID = 1L;

        Undeclared(String message) {
            super(message);
        }
    }
}
