package dev.xraytracing.otel.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An entity's {@code cause.exceptions} as {@code exception} events. An exception and the causes it names become one
 * event whose stack trace reads as Java prints one ({@code Caused by: ...}), which X-Ray parses back into the chain.
 */
final class ExceptionEvents {
    private ExceptionEvents() {
    }

    static List<SpanRecord.Event> of(Object cause, long epochNanos) {
        if (!(cause instanceof Map<?, ?> causeObject) || !(causeObject.get("exceptions") instanceof List<?> list)
                || list.isEmpty()) {
            return List.of(); // no cause, or only the id of an exception recorded in a child
        }
        Map<String, Map<?, ?>> byId = new HashMap<>();
        Set<String> namedAsCause = new HashSet<>();
        for (Object item : list) {
            if (item instanceof Map<?, ?> exception) {
                String id = DocumentSpans.text(exception, "id");
                if (id != null) {
                    byId.put(id, exception);
                }
                String causedBy = DocumentSpans.text(exception, "cause");
                if (causedBy != null) {
                    namedAsCause.add(causedBy);
                }
            }
        }
        List<SpanRecord.Event> events = new ArrayList<>();
        for (Object item : list) {
            if (item instanceof Map<?, ?> exception && !namedAsCause.contains(DocumentSpans.text(exception, "id"))) {
                events.add(event(exception, byId, epochNanos));
            }
        }
        return events;
    }

    private static SpanRecord.Event event(Map<?, ?> exception, Map<String, Map<?, ?>> byId, long epochNanos) {
        SpanFields attributes = new SpanFields();
        String type = DocumentSpans.text(exception, "type");
        String message = DocumentSpans.text(exception, "message");
        attributes.put(XrayAttributes.EXCEPTION_TYPE, type == null ? "" : type);
        attributes.put(XrayAttributes.EXCEPTION_MESSAGE, message == null ? "" : message);
        StringBuilder trace = new StringBuilder();
        Set<String> seen = new HashSet<>();
        Map<?, ?> current = exception;
        boolean first = true;
        while (current != null) {
            trace.append(first ? "" : "Caused by: ").append(headline(current)).append('\n');
            frames(trace, current.get("stack"));
            first = false;
            String next = DocumentSpans.text(current, "cause");
            current = next != null && seen.add(next) ? byId.get(next) : null;
        }
        attributes.put(XrayAttributes.EXCEPTION_STACKTRACE, trace.toString());
        return new SpanRecord.Event(XrayAttributes.EXCEPTION_EVENT, epochNanos, attributes);
    }

    private static String headline(Map<?, ?> exception) {
        String type = DocumentSpans.text(exception, "type");
        String message = DocumentSpans.text(exception, "message");
        return (type == null ? "" : type) + (message == null ? "" : ": " + message.replace('\n', ' '));
    }

    private static void frames(StringBuilder trace, Object stack) {
        if (!(stack instanceof List<?> frames)) {
            return;
        }
        for (Object item : frames) {
            if (item instanceof Map<?, ?> frame) {
                String label = DocumentSpans.text(frame, "label");
                String path = DocumentSpans.text(frame, "path");
                trace.append("\tat ").append(label == null ? "" : label).append('(').append(path == null ? "" : path);
                if (frame.get("line") instanceof Number line) {
                    trace.append(':').append(line.longValue());
                }
                trace.append(")\n");
            }
        }
    }
}
