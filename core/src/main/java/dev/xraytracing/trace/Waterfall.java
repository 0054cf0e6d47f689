package dev.xraytracing.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a trace's {@link Timeline} as text, the way the X-Ray console's timeline shows it: a header, then one line
 * per entity, indented under its parent, with its start offset, duration, a bar, flags and annotations. Names are
 * never cut: a label longer than the name column gets a line of its own, and its figures follow on the next line.
 */
public final class Waterfall {
    static final int BAR_WIDTH = 30;
    private static final int MIN_LABEL_WIDTH = 24;
    private static final int MAX_LABEL_WIDTH = 56;

    private Waterfall() {
    }

    public static String render(RecordedTrace trace) {
        Timeline timeline = trace.timeline();
        List<String> labels = new ArrayList<>();
        int width = MIN_LABEL_WIDTH;
        for (Timeline.Row row : timeline.rows()) {
            String label = label(row);
            labels.add(label);
            if (label.length() <= MAX_LABEL_WIDTH) {
                width = Math.max(width, label.length());
            }
        }
        StringBuilder out = new StringBuilder();
        out.append("trace ").append(timeline.traceId())
                .append(String.format(Locale.ROOT, "  (%.1f ms)%n", timeline.spanMillis()));
        out.append(String.format(Locale.ROOT, "%-" + width + "s %12s %12s  %-" + (BAR_WIDTH + 2) + "s %s%n",
                "name", "offset", "duration", "timeline", "status").stripTrailing()).append('\n');
        for (int i = 0; i < labels.size(); i++) {
            line(out, timeline.rows().get(i), labels.get(i), width);
        }
        return out.toString();
    }

    private static String label(Timeline.Row row) {
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
        return label.toString();
    }

    private static void line(StringBuilder out, Timeline.Row row, String label, int width) {
        RecordedEntity entity = row.entity();
        if (label.length() > width) {
            out.append(label).append('\n');
            label = "";
        }
        StringBuilder markers = new StringBuilder();
        row.markers().forEach(marker -> markers.append(' ').append(marker));
        out.append(String.format(Locale.ROOT, "%-" + width + "s %9.1f ms %9.1f ms  %s%s%n", label,
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
}
