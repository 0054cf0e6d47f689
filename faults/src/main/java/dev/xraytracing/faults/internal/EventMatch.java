package dev.xraytracing.faults.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A rule's {@code match}: a dotted path into the invocation event ({@code $.headers.x-chaos}; names only, no
 * wildcards, filters or brackets; a number segment also indexes an array) with exactly one of {@code equals},
 * {@code exists} (true or false) or {@code startsWith}, compared with the value's text; or {@code traceId} alone, the
 * root of the invocation's trace, which every function a request reaches shares (the request's own scope, where an
 * event path would reach only the first function). A {@code traceId} match also holds for an invocation whose event
 * links to that trace: an SQS batch starts a new trace, and each record carries its producer's trace header
 * ({@code attributes.AWSTraceHeader}), so the queue's consumer of a request's message is in the request's scope.
 */
final class EventMatch {
    /** The trace root this match asks for ({@code 1-5f3a...-...}), or null for an event match. */
    private final String traceId;
    private final String path;
    private final List<String> segments;
    private final String equals;
    private final Boolean exists;
    private final String startsWith;

    private EventMatch(JsonNode json) {
        if (!json.isObject()) {
            throw new IllegalArgumentException("match must be an object");
        }
        JsonNode traceNode = json.get("traceId");
        if (traceNode != null) {
            if (json.size() != 1 || !traceNode.isTextual() || !traceNode.asText().startsWith("1-")) {
                throw new IllegalArgumentException("a traceId match stands alone and names a trace root like "
                        + "1-5f3a1b2c-0123456789abcdef01234567");
            }
            traceId = traceNode.asText();
            path = null;
            segments = List.of();
            equals = startsWith = null;
            exists = null;
            return;
        }
        traceId = null;
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

    /** Whether this match reads the event (false: it reads the trace id only). */
    boolean readsEvent() {
        return traceId == null;
    }

    /** Whether this match names a trace, so the traces an event links to count ({@link LinkedTraces}). */
    boolean readsLinks() {
        return traceId != null;
    }

    /**
     * Whether the invocation matches: {@code event} already a JSON tree (null when unknown), {@code traceRoot} its
     * trace's root (null when unknown).
     */
    boolean matches(JsonNode event, String traceRoot) {
        if (traceId != null) {
            return matchesTrace(traceRoot, LinkedTraces.rootsIn(event));
        }
        if (event == null) {
            return false;
        }
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

    /** A trace-id match against the invocation's trace root and the roots its event links to. */
    boolean matchesTrace(String traceRoot, Set<String> linkedRoots) {
        return traceId.equals(traceRoot) || linkedRoots.contains(traceId);
    }

    String path() {
        return traceId != null ? "traceId" : path;
    }

    /** The condition as the rule spells it, for the trace: {@code $.path equals on}. */
    String describe() {
        if (traceId != null) {
            return "traceId equals " + traceId;
        }
        return path + (equals != null ? " equals " + equals : startsWith != null ? " startsWith " + startsWith
                : " exists " + exists);
    }

    private static String textual(JsonNode node) {
        return node != null && node.isValueNode() && !node.isNull() ? node.asText() : null;
    }
}
