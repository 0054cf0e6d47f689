package dev.xraytracing.internal.emit;

import com.amazonaws.xray.entities.Entity;
import com.amazonaws.xray.entities.Segment;
import com.amazonaws.xray.entities.Subsegment;
import dev.xraytracing.internal.log.WarnOnce;
import dev.xraytracing.internal.emit.DocumentWriter.Shape;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Sends a tracer's entities: writes each document with {@link DocumentWriter} and hands it to a {@link DocumentSink}.
 * A document larger than X-Ray accepts is split: its subsegments go out as documents of their own, and as a last
 * resort an entity's metadata and stack traces are left out. Nothing is dropped without a warning. Not an X-Ray SDK
 * {@code Emitter}: a recorder sends through it by way of {@link RecorderEmitter}, which a cold start never loads.
 */
public final class DocumentEmitter {
    /** The daemon takes one UDP datagram per document; the X-Ray SDK keeps the same margin below 64 KiB. */
    public static final int MAX_DOCUMENT_BYTES = 63 * 1024;

    private final DocumentSink sink;
    private final int maxBytes;
    private final WarnOnce warnings;

    public DocumentEmitter(DocumentSink sink, WarnOnce warnings) {
        this(sink, MAX_DOCUMENT_BYTES, warnings);
    }

    DocumentEmitter(DocumentSink sink, int maxBytes, WarnOnce warnings) {
        this.sink = sink;
        this.maxBytes = maxBytes;
        this.warnings = warnings;
    }

    /** Lets the sink prepare its first send ({@link DocumentSink#prepare()}), sending nothing. Never throws. */
    public void prepare() {
        try {
            sink.prepare();
        } catch (Throwable failure) {
            warnings.warn("emit:prepare:" + failure.getClass().getName(),
                    "could not prepare the first send ahead of time; the first send will", failure);
        }
    }

    /** Lets the sink close its socket before a snapshot (see {@link DocumentSink#release()}). */
    public void release() {
        sink.release();
    }

    /** Sends {@code segment} with its subsegments, split when too large; false when nothing could be sent. */
    public boolean sendSegment(Segment segment) {
        try {
            String whole = write(segment, Shape.WHOLE);
            if (whole != null && fits(whole)) {
                sink.send(whole);
                return true;
            }
            warnSplit(segment, whole);
            sendChildrenAlone(segment);
            return sendAlone(segment);
        } catch (Throwable failure) {
            return failed(segment, failure);
        }
    }

    /** Sends {@code subsegment} as a document of its own, split when too large; false when nothing could be sent. */
    public boolean sendSubsegment(Subsegment subsegment) {
        try {
            String whole = write(subsegment, Shape.WHOLE);
            if (whole != null && fits(whole)) {
                sink.send(whole);
                return true;
            }
            warnSplit(subsegment, whole);
            sendChildrenAlone(subsegment);
            return sendAlone(subsegment);
        } catch (Throwable failure) {
            return failed(subsegment, failure);
        }
    }

    /** The entity without its children: with its details if they fit, else without, else its minimal document. */
    private boolean sendAlone(Entity entity) {
        for (Shape shape : new Shape[] {Shape.WITHOUT_CHILDREN, Shape.WITHOUT_CHILDREN_OR_DETAILS, Shape.MINIMAL}) {
            String document = write(entity, shape);
            if (document != null && fits(document)) {
                sink.send(document);
                return true;
            }
        }
        warnings.warn("split:minimal", "even the minimal document of '" + entity.getName()
                + "' did not fit in one X-Ray document; it was not sent");
        return false;
    }

    /** The document of {@code entity} in {@code shape}, or null when writing it failed (logged once). */
    private String write(Entity entity, Shape shape) {
        try {
            return entity instanceof Segment ? DocumentWriter.segment((Segment) entity, shape, warnings)
                    : DocumentWriter.standaloneSubsegment((Subsegment) entity, shape, warnings);
        } catch (Throwable failure) {
            warnings.warn("write:" + shape + ":" + failure.getClass().getName(),
                    "could not write the document of '" + entity.getName() + "' (" + shape + "); a smaller one is "
                            + "sent instead", failure);
            return null;
        }
    }

    private void sendChildrenAlone(Entity parent) {
        List<Subsegment> children = parent.getSubsegments();
        for (Subsegment child : children.toArray(new Subsegment[0])) {
            sendSubsegment(child);
        }
    }

    private boolean fits(String document) {
        // Cheap check first: UTF-8 takes at most three bytes per UTF-16 char.
        return document.length() * 3 <= maxBytes
                || document.getBytes(StandardCharsets.UTF_8).length <= maxBytes;
    }

    private void warnSplit(Entity entity, String document) {
        if (document == null) {
            return; // already warned by write
        }
        warnings.warn("split:" + entity.getName(),
                "the document for '" + entity.getName() + "' was " + document.length()
                        + " characters, more than one X-Ray document may hold; it was sent in parts");
    }

    private boolean failed(Entity entity, Throwable failure) {
        warnings.warn("emit:" + failure.getClass().getName(),
                "could not send the document for '" + entity.getName() + "'", failure);
        return false;
    }
}
