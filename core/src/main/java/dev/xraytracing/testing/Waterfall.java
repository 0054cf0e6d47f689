package dev.xraytracing.testing;

import java.util.Locale;
import java.util.Map;

/**
 * Renders a trace as a text waterfall, the way the X-Ray console's timeline shows it: one line per entity, indented
 * under its parent, with its start offset, duration, a bar, flags and annotations.
 */
public final class Waterfall {
    static final int BAR_WIDTH = 30;

    private Waterfall() {
    }

    public static String render(RecordedTrace trace) {
        double start = Double.MAX_VALUE;
        double end = 0;
        for (RecordedEntity entity : trace.entities()) {
            start = Math.min(start, entity.startTime());
            end = Math.max(end, entity.endTime());
        }
        double span = Math.max(end - start, 1e-6);
        StringBuilder out = new StringBuilder();
        out.append("trace ").append(trace.traceId()).append(String.format(Locale.ROOT, "  (%.1f ms)%n", span * 1000));
        for (RecordedEntity root : trace.roots()) {
            line(out, root, 0, start, span);
        }
        return out.toString();
    }

    private static void line(StringBuilder out, RecordedEntity entity, int depth, double traceStart, double span) {
        StringBuilder label = new StringBuilder();
        label.append("  ".repeat(depth));
        label.append(entity.isSegment() ? "■ " : "└ ").append(entity.name());
        if (entity.namespace() != null) {
            label.append(" [").append(entity.namespace()).append(']');
        }
        if (entity.origin() != null) {
            label.append(" [").append(entity.origin()).append(']');
        }
        out.append(String.format(Locale.ROOT, "%-48s %9.1f ms %9.1f ms  %s%s%n", clip(label.toString(), 48),
                (entity.startTime() - traceStart) * 1000, entity.durationMillis(),
                bar(entity, traceStart, span), markers(entity)));
        Map<String, Object> annotations = entity.annotations();
        if (!annotations.isEmpty()) {
            out.append("  ".repeat(depth + 2)).append("annotations ").append(annotations).append('\n');
        }
        for (RecordedException exception : entity.exceptions()) {
            out.append("  ".repeat(depth + 2)).append("! ").append(exception).append('\n');
        }
        for (RecordedEntity child : entity.children()) {
            line(out, child, depth + 1, traceStart, span);
        }
    }

    private static String bar(RecordedEntity entity, double traceStart, double span) {
        int from = (int) Math.round((entity.startTime() - traceStart) / span * BAR_WIDTH);
        int to = (int) Math.round((entity.endTime() - traceStart) / span * BAR_WIDTH);
        from = Math.min(Math.max(from, 0), BAR_WIDTH - 1);
        to = Math.min(Math.max(to, from + 1), BAR_WIDTH);
        return "|" + " ".repeat(from) + "█".repeat(to - from) + " ".repeat(BAR_WIDTH - to) + "|";
    }

    static String markers(RecordedEntity entity) {
        StringBuilder markers = new StringBuilder();
        if (entity.isFault()) {
            markers.append(" FAULT");
        }
        if (entity.isError()) {
            markers.append(" ERROR");
        }
        if (entity.isThrottle()) {
            markers.append(" THROTTLE");
        }
        if (entity.isInProgress()) {
            markers.append(" IN PROGRESS");
        }
        entity.httpStatus().ifPresent(status -> markers.append(" ").append(status));
        return markers.toString();
    }

    private static String clip(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }
}
