package dev.xraytracing.internal;

import com.amazonaws.xray.entities.TraceID;

/**
 * The Lambda function segment an invocation's subsegments hang under, read from its trace header (by
 * {@link LambdaTraceHeader}): trace id, parent id, sampling decision. Every subsegment opened directly under
 * Lambda's segment needs it, and the header stays the same for a whole invocation, so each tracer keeps the last one
 * parsed and reuses it while the header string is the same.
 */
final class InvocationParent {
    final String header;
    final TraceID rootTraceId;
    final String parentId;
    final boolean sampled;

    private InvocationParent(String header, TraceID rootTraceId, String parentId, boolean sampled) {
        this.header = header;
        this.rootTraceId = rootTraceId;
        this.parentId = parentId;
        this.sampled = sampled;
    }

    /** {@code header} as read ({@code parsed}), or null when it lacks Root, Parent or a Sampled decision (1 or 0). */
    static InvocationParent of(String header, TraceHeader parsed) {
        if (parsed.root() == null || parsed.root().isEmpty() || parsed.parent() == null || parsed.parent().isEmpty()
                || !parsed.isDecided()) {
            return null;
        }
        return new InvocationParent(header, TraceID.fromString(parsed.root()), parsed.parent(), parsed.isSampled());
    }

    boolean isFor(String otherHeader) {
        return header.equals(otherHeader);
    }
}
