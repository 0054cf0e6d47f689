package dev.xraytracing.faults.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A rule's {@code match}: a dotted path into the invocation event ({@code $.headers.x-chaos}; names only, no
 * wildcards, filters or brackets; a number segment also indexes an array) with exactly one of {@code equals},
 * {@code exists} (true or false) or {@code startsWith}, compared with the value's text.
 */
final class EventMatch {
    private final String path;
    private final List<String> segments;
    private final String equals;
    private final Boolean exists;
    private final String startsWith;

    private EventMatch(JsonNode json) {
        if (!json.isObject()) {
            throw new IllegalArgumentException("match must be an object");
        }
        JsonNode pathNode = json.get("path");
        path = pathNode != null && pathNode.isTextual() ? pathNode.asText() : null;
        if (path == null || !path.startsWith("$.") || path.length() < 3) {
            throw new IllegalArgumentException("match needs a path like $.headers.x-chaos");
        }
        segments = new ArrayList<>(List.of(path.substring(2).split("\\.", -1)));
        if (segments.stream().anyMatch(segment -> segment.isEmpty() || segment.contains("[") || segment.equals("*"))) {
            throw new IllegalArgumentException("match path " + path
                    + " is not a dotted path of names");
        }
        equals = textual(json.get("equals"));
        startsWith = textual(json.get("startsWith"));
        JsonNode existsNode = json.get("exists");
        exists = existsNode != null && existsNode.isBoolean() ? existsNode.asBoolean() : null;
        int conditions = (equals != null ? 1 : 0) + (startsWith != null ? 1 : 0) + (exists != null ? 1 : 0);
        if (conditions != 1 || json.size() != 2) {
            throw new IllegalArgumentException("match needs path and exactly one of "
                    + "equals (text), exists (true/false), startsWith (text)");
        }
    }

    /** The match {@code json} describes, null when there is none; {@link IllegalArgumentException} when invalid. */
    static EventMatch of(JsonNode json) {
        return json == null || json.isNull() ? null : new EventMatch(json);
    }

    /** Whether {@code event} (already a JSON tree, null when unknown) matches. */
    boolean matches(JsonNode event) {
        JsonNode value = event;
        for (String segment : segments) {
            if (value == null) {
                break;
            }
            value = value.isArray() && segment.chars().allMatch(Character::isDigit) && segment.length() < 9
                    ? value.get(Integer.parseInt(segment)) : value.get(segment);
        }
        boolean present = value != null && !value.isNull() && !value.isMissingNode();
        if (exists != null) {
            return present == exists;
        }
        if (!present || !value.isValueNode()) {
            return false;
        }
        return equals != null ? value.asText().equals(equals) : value.asText().startsWith(startsWith);
    }

    String path() {
        return path;
    }

    /** The condition as the rule spells it, for the trace: {@code $.path equals on}. */
    String describe() {
        return path + (equals != null ? " equals " + equals : startsWith != null ? " startsWith " + startsWith
                : " exists " + exists);
    }

    private static String textual(JsonNode node) {
        return node != null && node.isValueNode() && !node.isNull() ? node.asText() : null;
    }
}
