package dev.xraytracing.testing;

import dev.xraytracing.filter.FilterExpression;
import dev.xraytracing.trace.RecordedTrace;
import dev.xraytracing.trace.Waterfall;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.AbstractListAssert;
import org.assertj.core.api.ObjectAssert;

/**
 * Assertions on a set of traces, selected the way the X-Ray console selects them: with a filter expression, run by
 * the same engine as the local console's search box. A failure prints the traces as waterfalls.
 */
public final class TracesAssert
        extends AbstractListAssert<TracesAssert, List<RecordedTrace>, RecordedTrace, ObjectAssert<RecordedTrace>> {
    /** Empty, or " matching <expression>" once {@link #matching} selected them. */
    private final String matching;

    TracesAssert(List<RecordedTrace> traces) {
        this(traces, "");
    }

    private TracesAssert(List<RecordedTrace> traces, String matching) {
        super(traces, TracesAssert.class);
        this.matching = matching;
    }

    /**
     * Continues with the traces that match {@code filterExpression}, X-Ray's syntax, such as
     * {@code service("orders") { fault }}. An invalid expression fails at once, saying where it broke.
     */
    public TracesAssert matching(String filterExpression) {
        isNotNull();
        FilterExpression expression = FilterExpression.parse(filterExpression);
        return new TracesAssert(expression.select(actual), " matching " + filterExpression);
    }

    /** Fails with the waterfalls of the traces there are. */
    @Override
    public TracesAssert hasSize(int expected) {
        isNotNull();
        if (actual.size() != expected) {
            failWithMessage("Expected %s%s but found %s:%n%s", Counts.of(expected, "trace", "traces"), matching,
                    actual.size(), render());
        }
        return this;
    }

    /** Every trace matches {@code filterExpression}. */
    public TracesAssert allMatch(String filterExpression) {
        isNotNull();
        List<RecordedTrace> matching = FilterExpression.parse(filterExpression).select(actual);
        if (matching.size() != actual.size()) {
            List<RecordedTrace> others = actual.stream().filter(t -> !matching.contains(t)).toList();
            failWithMessage("Expected every one of the traces%s to match <%s>, but %s not:%n%s", this.matching,
                    filterExpression, Counts.of(others.size(), "does", "do"), render(others));
        }
        return this;
    }

    /** No trace matches {@code filterExpression}. */
    public TracesAssert noneMatch(String filterExpression) {
        isNotNull();
        List<RecordedTrace> matching = FilterExpression.parse(filterExpression).select(actual);
        if (!matching.isEmpty()) {
            failWithMessage("Expected none of the traces%s to match <%s>, but %s:%n%s", this.matching,
                    filterExpression, Counts.of(matching.size(), "does", "do"), render(matching));
        }
        return this;
    }

    /** Continues with the only trace; fails when there is not exactly one. */
    public TraceAssert singleTrace() {
        hasSize(1);
        return new TraceAssert(actual.get(0));
    }

    @Override
    protected ObjectAssert<RecordedTrace> toAssert(RecordedTrace value, String description) {
        return new ObjectAssert<>(value).as(description);
    }

    @Override
    protected TracesAssert newAbstractIterableAssert(Iterable<? extends RecordedTrace> iterable) {
        List<RecordedTrace> list = new ArrayList<>();
        iterable.forEach(list::add);
        return new TracesAssert(list, matching);
    }

    private String render() {
        return render(actual);
    }

    private static String render(List<RecordedTrace> traces) {
        StringBuilder out = new StringBuilder();
        traces.forEach(trace -> out.append(Waterfall.render(trace)).append('\n'));
        return out.toString();
    }
}
