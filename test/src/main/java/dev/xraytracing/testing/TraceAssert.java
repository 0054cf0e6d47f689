package dev.xraytracing.testing;

import dev.xraytracing.trace.RecordedTrace;
import dev.xraytracing.trace.Waterfall;
import org.assertj.core.api.AbstractAssert;

/** Assertions on a whole trace; a failure prints the trace as a waterfall. */
public final class TraceAssert extends AbstractAssert<TraceAssert, RecordedTrace> {
    private static final String RECORD_ID = "MessageId";

    TraceAssert(RecordedTrace trace) {
        super(trace, TraceAssert.class);
    }

    /** Continues with the first subsegment (or segment) named {@code name}, anywhere in the trace. */
    public EntityAssert subsegment(String name) {
        isNotNull();
        return actual.find(name).map(EntityAssert::new).orElseGet(() -> {
            failWithMessage("Expected an entity named <%s> in the trace, but there is none:%n%s", name,
                    Waterfall.render(actual));
            return null;
        });
    }

    /** Continues with the segment of the service named {@code name}. */
    public EntityAssert segment(String name) {
        isNotNull();
        return actual.find(e -> e.isSegment() && e.name().equals(name)).map(EntityAssert::new).orElseGet(() -> {
            failWithMessage("Expected a segment named <%s> in the trace, but there is none:%n%s", name,
                    Waterfall.render(actual));
            return null;
        });
    }

    /**
     * Continues with the subsegment of the batch record {@code messageId} (its {@code MessageId} annotation, as
     * {@code TracedBatch} writes it: an SQS or SNS message id, a stream record's sequence number, an S3 object key).
     */
    public EntityAssert record(String messageId) {
        isNotNull();
        return actual.find(e -> messageId.equals(e.annotations().get(RECORD_ID))).map(EntityAssert::new)
                .orElseGet(() -> {
                    failWithMessage("Expected a subsegment of record <%s> in the trace, but there is none:%n%s",
                            messageId, Waterfall.render(actual));
                    return null;
                });
    }

    /** No subsegment records batch record {@code messageId}: it was processed unrecorded, or not at all. */
    public TraceAssert hasNoRecord(String messageId) {
        isNotNull();
        if (actual.find(e -> messageId.equals(e.annotations().get(RECORD_ID))).isPresent()) {
            failWithMessage("Expected no subsegment of record <%s>, but found one:%n%s", messageId,
                    Waterfall.render(actual));
        }
        return this;
    }

    public TraceAssert hasEntityCount(int expected) {
        isNotNull();
        int count = actual.entities().size();
        if (count != expected) {
            failWithMessage("Expected %s but the trace has %s:%n%s", Counts.of(expected, "entity", "entities"), count,
                    Waterfall.render(actual));
        }
        return this;
    }

    public TraceAssert hasNoEntityNamed(String name) {
        isNotNull();
        if (actual.find(name).isPresent()) {
            failWithMessage("Expected no entity named <%s>, but found one:%n%s", name, Waterfall.render(actual));
        }
        return this;
    }

    public TraceAssert hasNoFaults() {
        isNotNull();
        actual.find(e -> e.isFault() || e.isError() || e.isThrottle()).ifPresent(e ->
                failWithMessage("Expected no fault, error or throttle, but <%s> has one:%n%s", e.name(),
                        Waterfall.render(actual)));
        return this;
    }
}
