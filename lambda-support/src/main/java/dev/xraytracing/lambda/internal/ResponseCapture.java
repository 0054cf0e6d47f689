package dev.xraytracing.lambda.internal;

import com.amazonaws.xray.entities.Entity;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.xraytracing.internal.Metadata;
import dev.xraytracing.internal.emit.MetadataTree;
import dev.xraytracing.internal.log.WarnOnce;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Records a handler's response or error as metadata when the handler asked for it, within a size cap: a value whose
 * JSON fits is kept as it is, a longer one becomes its JSON cut to the cap, marked as cut. A response that cannot be
 * read (its JSON fails, or its text is null or throws) is recorded as a placeholder
 * {@code <unserializable TYPE: reason>}, as metadata is elsewhere, with a warning once per type: a captured response
 * is never missing.
 */
final class ResponseCapture {
    static final String NAMESPACE = "lambda";

    private ResponseCapture() {
    }

    /** Built only when a handler captures responses, so handlers that do not never pay for Jackson's start-up. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    static void response(Entity entity, Object response, int limit, WarnOnce warnings) {
        Object recorded;
        try {
            recorded = bounded(response, limit);
        } catch (Throwable failure) {
            recorded = placeholder(response, failure, limit, warnings);
        }
        Metadata.put(entity, NAMESPACE, "response", recorded, warnings);
    }

    static void error(Entity entity, Throwable error, int limit, WarnOnce warnings) {
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("type", error.getClass().getName());
        description.put("message", cut(messageOf(error), limit));
        Metadata.put(entity, NAMESPACE, "error", description, warnings);
    }

    private static String messageOf(Throwable error) {
        try {
            return String.valueOf(error.getMessage());
        } catch (Throwable failure) {
            return "<getMessage() threw " + failure.getClass().getName() + ">";
        }
    }

    /** What {@link #response} records for {@code value}; throws what reading the value throws. */
    static Object bounded(Object value, int limit) throws JsonProcessingException {
        if (value == null) {
            return null;
        }
        if (value instanceof CharSequence) {
            String text;
            try {
                text = value.toString();
            } catch (Throwable failure) {
                throw new UnreadableResponse("toString() threw " + failure.getClass().getName());
            }
            if (text == null) {
                throw new UnreadableResponse("toString() returned null");
            }
            return cut(text, limit);
        }
        String json = Json.MAPPER.writeValueAsString(value);
        return json.length() <= limit ? value : cut(json, limit);
    }

    private static String placeholder(Object value, Throwable failure, int limit, WarnOnce warnings) {
        String type = value.getClass().getName();
        String reason = failure instanceof UnreadableResponse ? failure.getMessage()
                : MetadataTree.failureReason(failure);
        warnings.warn("lambda:response:" + type, "the handler's response of type " + type
                + " could not be read for the captured response; recorded a placeholder instead (" + reason + ")");
        return cut("<unserializable " + type + ": " + reason + ">", limit);
    }

    /** A response whose own methods answer nothing usable (no exception of theirs to name). */
    private static final class UnreadableResponse extends RuntimeException {
        UnreadableResponse(String reason) {
            super(reason, null, false, false);
        }
    }

    static String cut(String text, int limit) {
        if (text.length() <= limit) {
            return text;
        }
        int end = limit;
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "... (cut at " + limit + " of " + text.length() + " characters)";
    }
}
