package dev.xraytracing.internal;

import com.amazonaws.xray.entities.Segment;
import com.amazonaws.xray.entities.Subsegment;
import com.amazonaws.xray.entities.TraceID;
import com.amazonaws.xray.internal.SamplingStrategyOverride;
import java.util.Collections;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A subsegment of our lean model (see {@link LeanEntity}), with the behaviour of the SDK's {@code SubsegmentImpl}. */
final class LeanSubsegment extends LeanEntity implements Subsegment {
    private Segment parentSegment;
    private Set<String> precursorIds;
    private boolean sampled;

    LeanSubsegment(TracerCore core, String name, Segment parentSegment) {
        super(core, name, core.newEntityId());
        this.parentSegment = parentSegment;
        parentSegment.incrementReferenceCount();
        this.sampled = parentSegment.isSampled();
    }

    /** Ends it; true when that completed its segment (never under Lambda's facade, which never ends here). */
    @Override
    public boolean end() {
        if (getEndTime() < Double.MIN_NORMAL) {
            setEndTime(System.currentTimeMillis() / 1000d);
        }
        setInProgress(false);
        boolean complete = parentSegment.decrementReferenceCount() && sampled;
        if (complete) {
            setEmitted(true);
        }
        return complete;
    }

    @Override
    public TraceID getTraceId() {
        return parentSegment.getTraceId();
    }

    @Override
    public void setTraceId(TraceID traceId) {
        // A subsegment's trace is its segment's, as in the SDK, where this setter has no effect on getTraceId().
    }

    @Override
    public Segment getParentSegment() {
        return parentSegment;
    }

    @Override
    public void setParentSegment(Segment parentSegment) {
        this.parentSegment = parentSegment;
    }

    @Override
    public synchronized Set<String> getPrecursorIds() {
        if (precursorIds == null) {
            precursorIds = Collections.newSetFromMap(new ConcurrentHashMap<>());
        }
        return precursorIds;
    }

    @Override
    public synchronized void setPrecursorIds(Set<String> precursorIds) {
        this.precursorIds = precursorIds;
    }

    @Override
    public void addPrecursorId(String precursorId) {
        getPrecursorIds().add(precursorId);
    }

    @Override
    public boolean shouldPropagate() {
        return true;
    }

    @Override
    public String streamSerialize() {
        return serialize();
    }

    @Override
    public String prettyStreamSerialize() {
        return streamSerialize();
    }

    /** Ends it as {@code Tracing.sub} would, and makes its parent current again. */
    @Override
    public void close() {
        Spans.close(this);
    }

    @Override
    public boolean isSampled() {
        return sampled;
    }

    @Override
    public boolean isRecording() {
        return sampled;
    }

    @Override
    public void setSampledFalse() {
        sampled = false;
    }

    @Override
    @SuppressWarnings("deprecation")
    public SamplingStrategyOverride getSamplingStrategyOverride() {
        return SamplingStrategyOverride.DISABLED;
    }
}
