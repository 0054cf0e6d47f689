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

    /** The current invocation's parsed trace header, or null outside Lambda or when it is incomplete (logged once). */
    static InvocationParent current(TracerCore core) {
        String header = LambdaTraceHeader.current();
        if (header == null) {
            return null;
        }
        InvocationParent parsed = core.lastInvocationParent();
        if (parsed == null || !parsed.isFor(header)) {
            TraceHeader read = TraceHeader.parse(header);
            if (read.rejectedRoot() != null) {
                core.warnings().warn("header:root", "the Lambda trace header's Root is not an X-Ray trace id "
                        + "(1-<8 hex digits>-<24 hex digits>), so its Parent belongs to no known trace; nothing is "
                        + "recorded for it: " + Annotations.preview(header));
                return null;
            }
            parsed = of(header, read);
            if (parsed != null && !Spans.isEntityId(parsed.parentId)) {
                core.warnings().warn("header:parent", "the Lambda trace header's Parent is not a 16-digit hex id, "
                        + "so nothing recorded could be placed under the function's segment; nothing is recorded for "
                        + "it: " + Annotations.preview(header));
                return null;
            }
            if (parsed == null) {
                core.warnings().warn("header:incomplete",
                        "the Lambda trace header lacks Root, Parent or Sampled; nothing is recorded for it: "
                                + Annotations.preview(header));
                return null;
            }
            core.rememberInvocationParent(parsed);
        }
        return parsed;
    }

    boolean isFor(String otherHeader) {
        return header.equals(otherHeader);
    }
}
