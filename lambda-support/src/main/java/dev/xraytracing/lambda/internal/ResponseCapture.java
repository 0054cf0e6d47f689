package dev.xraytracing.lambda.internal;

import com.amazonaws.xray.entities.Entity;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.xraytracing.internal.Metadata;
import dev.xraytracing.internal.log.WarnOnce;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Records a handler's response or error as metadata when the handler asked for it, within a size cap: a value whose
 * JSON fits is kept as it is, a longer one becomes its JSON cut to the cap, marked as cut.
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
        Metadata.put(entity, NAMESPACE, "response", bounded(response, limit), warnings);
    }

    static void error(Entity entity, Throwable error, int limit, WarnOnce warnings) {
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("type", error.getClass().getName());
        description.put("message", cut(String.valueOf(error.getMessage()), limit));
        Metadata.put(entity, NAMESPACE, "error", description, warnings);
    }

    static Object bounded(Object value, int limit) {
        if (value == null) {
            return null;
        }
        if (value instanceof CharSequence) {
            return cut(value.toString(), limit);
        }
        String json;
        try {
            json = Json.MAPPER.writeValueAsString(value);
        } catch (Throwable failure) {
            return cut("<" + value.getClass().getName() + " not serializable: " + failure.getClass().getName() + ">", limit);
        }
        return json.length() <= limit ? value : cut(json, limit);
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
