package dev.xraytracing.trace;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A trace laid out as the X-Ray console's timeline: one row per entity, depth first, each under its parent, placed
 * on the trace's time span. The terminal waterfall and the HTML report both draw these rows, so they cannot disagree
 * on order, offsets or flags.
 */
public final class Timeline {
    /** The shortest span a trace is drawn over, so that a trace of zero duration still has a scale. */
    private static final double MIN_SPAN_SECONDS = 1e-6;

    /**
     * One entity on the timeline.
     *
     * @param depth          0 for a root, 1 for its children, and so on
     * @param offsetMillis   from the trace's first start to this entity's start
     * @param startFraction  where the entity starts on the trace's span, from 0 to 1
     * @param endFraction    where it ends, from 0 to 1
     * @param markers        its flags as {@link #markers(RecordedEntity)} lists them
     */
    public record Row(RecordedEntity entity, int depth, double offsetMillis, double durationMillis,
                      double startFraction, double endFraction, List<String> markers) {
    }

    private final String traceId;
    private final double startTime;
    private final double spanSeconds;
    private final List<Row> rows;

    private Timeline(String traceId, double startTime, double spanSeconds, List<Row> rows) {
        this.traceId = traceId;
        this.startTime = startTime;
        this.spanSeconds = spanSeconds;
        this.rows = rows;
    }

    public static Timeline of(RecordedTrace trace) {
        double start = trace.startTime();
        double span = Math.max(trace.endTime() - start, MIN_SPAN_SECONDS);
        List<Row> rows = new ArrayList<>();
        for (RecordedEntity root : trace.roots()) {
            addRows(root, 0, start, span, rows);
        }
        return new Timeline(trace.traceId(), start, span, Collections.unmodifiableList(rows));
    }

    private static void addRows(RecordedEntity entity, int depth, double start, double span, List<Row> rows) {
        rows.add(new Row(entity, depth, (entity.startTime() - start) * 1000d, entity.durationMillis(),
                (entity.startTime() - start) / span, (entity.endTime() - start) / span, markers(entity)));
        for (RecordedEntity child : entity.children()) {
            addRows(child, depth + 1, start, span, rows);
        }
    }

    /**
     * The flags of an entity, in the one order every view shows them: {@code FAULT}, {@code ERROR}, {@code THROTTLE},
     * {@code IN PROGRESS}, then the HTTP status if one was recorded.
     */
    public static List<String> markers(RecordedEntity entity) {
        List<String> markers = new ArrayList<>(5);
        if (entity.isFault()) {
            markers.add("FAULT");
        }
        if (entity.isError()) {
            markers.add("ERROR");
        }
        if (entity.isThrottle()) {
            markers.add("THROTTLE");
        }
        if (entity.isInProgress()) {
            markers.add("IN PROGRESS");
        }
        entity.httpStatus().ifPresent(status -> markers.add(String.valueOf(status)));
        return Collections.unmodifiableList(markers);
    }

    public String traceId() {
        return traceId;
    }

    /** The trace's first start, in seconds since the epoch. */
    public double startTime() {
        return startTime;
    }

    /** The span the rows are placed on: the trace's duration, at least one microsecond. */
    public double spanMillis() {
        return spanSeconds * 1000d;
    }

    /** Every entity, depth first from the roots, each root's tree by start time. */
    public List<Row> rows() {
        return rows;
    }
}
