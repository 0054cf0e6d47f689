package dev.xraytracing.internal;

import com.amazonaws.xray.entities.TraceHeader;
import com.amazonaws.xray.entities.TraceID;

/**
 * A Lambda trace header parsed into what a function segment facade needs. Every subsegment opened directly under
 * Lambda's segment needs it, and the header stays the same for a whole invocation, so the last one parsed is kept
 * (in {@link TracingState}) and reused while the header string is the same.
 */
final class LambdaHeader {
    final String header;
    final TraceID rootTraceId;
    final String parentId;
    final TraceHeader.SampleDecision sampled;

    private LambdaHeader(String header, TraceID rootTraceId, String parentId, TraceHeader.SampleDecision sampled) {
        this.header = header;
        this.rootTraceId = rootTraceId;
        this.parentId = parentId;
        this.sampled = sampled;
    }

    /** The parsed header, or null when it lacks Root, Parent or a Sampled decision. */
    static LambdaHeader parse(String header) {
        TraceHeader parsed = TraceHeader.fromString(header);
        if (parsed.getRootTraceId() == null || parsed.getParentId() == null
                || parsed.getSampled() == TraceHeader.SampleDecision.UNKNOWN
                || parsed.getSampled() == TraceHeader.SampleDecision.REQUESTED) {
            return null;
        }
        return new LambdaHeader(header, parsed.getRootTraceId(), parsed.getParentId(), parsed.getSampled());
    }

    boolean isFor(String otherHeader) {
        return header.equals(otherHeader);
    }
}
