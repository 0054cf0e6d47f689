package dev.xraytracing.testing;

import dev.xraytracing.trace.RecordedEntity;
import dev.xraytracing.trace.RecordedTrace;
import java.util.List;

/** Entry point of the AssertJ assertions on recorded traces: {@code assertThat(trace).subsegment("x").hasNoCause()}. */
public final class TracingAssertions {
    private TracingAssertions() {
    }

    public static TraceAssert assertThat(RecordedTrace trace) {
        return new TraceAssert(trace);
    }

    public static EntityAssert assertThat(RecordedEntity entity) {
        return new EntityAssert(entity);
    }

    /**
     * Assertions on several traces, selected with X-Ray filter expressions: {@code .matching("fault").hasSize(1)}.
     * Takes a {@code List} so that, imported beside AssertJ's {@code assertThat}, it is the more specific one.
     */
    public static TracesAssert assertThat(List<RecordedTrace> traces) {
        return new TracesAssert(traces);
    }
}
