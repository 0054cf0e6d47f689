package dev.xraytracing.otel.internal;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * An {@code exception} event as X-Ray's exceptions: the event's type and message, and for Java the stack trace read
 * back into frames, each {@code Caused by:} an exception of its own that the one before names as its cause.
 */
final class JavaStackTraces {
    private JavaStackTraces() {
    }

    static List<Map<String, Object>> exceptions(Attributes event, boolean remote) {
        List<Map<String, Object>> exceptions = new ArrayList<>();
        Map<String, Object> current = exception(text(event, XrayAttributes.EXCEPTION_TYPE),
                text(event, XrayAttributes.EXCEPTION_MESSAGE), remote);
        exceptions.add(current);
        String trace = text(event, XrayAttributes.EXCEPTION_STACKTRACE);
        if (trace.isEmpty()) {
            return exceptions;
        }
        String[] lines = trace.split("\r?\n");
        List<Map<String, Object>> stack = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (line.startsWith("\tat ") && line.endsWith(")") && line.indexOf('(') >= 0) {
                stack.add(frame(line));
            } else if (line.startsWith("Caused by: ")) {
                if (!stack.isEmpty()) {
                    current.put("stack", stack);
                }
                stack = new ArrayList<>();
                String headline = line.substring("Caused by: ".length());
                int colon = headline.indexOf(':');
                String type = colon >= 0 ? headline.substring(0, colon) : headline;
                String message = colon >= 0 && colon + 2 <= headline.length() ? headline.substring(colon + 2) : "";
                Map<String, Object> cause = exception(type, message, remote);
                current.put("cause", cause.get("id"));
                exceptions.add(cause);
                current = cause;
            }
        }
        if (!stack.isEmpty()) {
            current.put("stack", stack);
        }
        return exceptions;
    }

    private static Map<String, Object> frame(String line) {
        int paren = line.indexOf('(');
        String label = line.substring(4, paren);
        int slash = label.indexOf('/');
        if (slash >= 0) {
            label = label.substring(slash + 1); // a class loader or module prefix
        }
        String path = line.substring(paren + 1, line.length() - 1);
        long number = 0;
        int colon = path.indexOf(':');
        if (colon >= 0) {
            try {
                number = Long.parseLong(path.substring(colon + 1));
            } catch (NumberFormatException notANumber) {
                number = 0;
            }
            path = path.substring(0, colon);
        }
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("path", path);
        frame.put("line", number);
        frame.put("label", label);
        return frame;
    }

    private static Map<String, Object> exception(String type, String message, boolean remote) {
        Map<String, Object> exception = new LinkedHashMap<>();
        exception.put("id", newId());
        exception.put("type", type);
        exception.put("remote", remote);
        exception.put("message", message);
        return exception;
    }

    /** A new 16-digit hex id, as X-Ray gives every exception it reads from an event. */
    static String newId() {
        return String.format("%016x", ThreadLocalRandom.current().nextLong());
    }

    private static String text(Attributes attributes, String key) {
        String value = attributes.get(AttributeKey.stringKey(key));
        return value == null ? "" : value;
    }

    /** A JSON object, or null when {@code json} is not one. */
    static Object parseObject(String json) {
        try {
            Object parsed = JsonTree.read(json);
            return parsed instanceof Map<?, ?> ? parsed : null;
        } catch (IOException | RuntimeException notJson) {
            return null;
        }
    }
}
