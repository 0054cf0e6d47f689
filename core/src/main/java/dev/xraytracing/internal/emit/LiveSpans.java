package dev.xraytracing.internal.emit;

import com.amazonaws.xray.entities.Entity;
import com.amazonaws.xray.entities.Subsegment;

/**
 * A backend that opens a live span for each of our subsegments while it is open, instead of sending the finished
 * documents: the OpenTelemetry backend joining a {@code GlobalOpenTelemetry} (the ADOT layer, the Java agent). A
 * sink offers one with {@link DocumentSink#liveSpans()}; on the X-Ray backend there is none and this type is never
 * loaded. Every method must not throw.
 */
public interface LiveSpans {
    /**
     * Opens the span of {@code subsegment}, just created under {@code parent}, and returns the span's id, which the
     * subsegment takes (trace headers sent downstream name it), or null to keep the subsegment's own id.
     *
     * @param block  whether it is a block on this thread (made current until it closes) rather than an AWS SDK call
     */
    String open(Subsegment subsegment, Entity parent, boolean block);

    /** Ends the span of {@code subsegment}, which has just ended, with what it recorded, and leaves its context. */
    void close(Subsegment subsegment);
}
