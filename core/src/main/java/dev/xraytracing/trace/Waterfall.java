package dev.xraytracing.trace;

import java.util.Locale;
import java.util.Map;

/**
 * Renders a trace's {@link Timeline} as text, the way the X-Ray console's timeline shows it: one line per entity,
 * indented under its parent, with its start offset, duration, a bar, flags and annotations.
 */
public final class Waterfall {
    static final int BAR_WIDTH = 30;
    private static final int LABEL_WIDTH = 48;

    private Waterfall() {
    }

    public static String render(RecordedTrace trace) {
        Timeline timeline = trace.timeline();
        StringBuilder out = new StringBuilder();
        out.append("trace ").append(timeline.traceId())
                .append(String.format(Locale.ROOT, "  (%.1f ms)%n", timeline.spanMillis()));
        for (Timeline.Row row : timeline.rows()) {
            line(out, row);
        }
        return out.toString();
    }

    private static void line(StringBuilder out, Timeline.Row row) {
        RecordedEntity entity = row.entity();
        StringBuilder label = new StringBuilder();
        label.append("  ".repeat(row.depth()));
        label.append(entity.isSegment() ? "■ " : "└ ").append(entity.name());
        if (entity.namespace() != null) {
            label.append(" [").append(entity.namespace()).append(']');
        }
        if (entity.origin() != null) {
            label.append(" [").append(entity.origin()).append(']');
        }
        StringBuilder markers = new StringBuilder();
        row.markers().forEach(marker -> markers.append(' ').append(marker));
        out.append(String.format(Locale.ROOT, "%-48s %9.1f ms %9.1f ms  %s%s%n", clip(label.toString(), LABEL_WIDTH),
                row.offsetMillis(), row.durationMillis(), bar(row), markers));
        Map<String, Object> annotations = entity.annotations();
        if (!annotations.isEmpty()) {
            out.append("  ".repeat(row.depth() + 2)).append("annotations ").append(annotations).append('\n');
        }
        for (RecordedException exception : entity.exceptions()) {
            out.append("  ".repeat(row.depth() + 2)).append("! ").append(exception).append('\n');
        }
    }

    private static String bar(Timeline.Row row) {
        int from = (int) Math.round(row.startFraction() * BAR_WIDTH);
        int to = (int) Math.round(row.endFraction() * BAR_WIDTH);
        from = Math.min(Math.max(from, 0), BAR_WIDTH - 1);
        to = Math.min(Math.max(to, from + 1), BAR_WIDTH);
        return "|" + " ".repeat(from) + "█".repeat(to - from) + " ".repeat(BAR_WIDTH - to) + "|";
    }

    private static String clip(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }
}
