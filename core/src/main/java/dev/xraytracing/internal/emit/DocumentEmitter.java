package dev.xraytracing.internal.emit;

import com.amazonaws.xray.emitters.Emitter;
import com.amazonaws.xray.entities.Entity;
import com.amazonaws.xray.entities.Segment;
import com.amazonaws.xray.entities.Subsegment;
import dev.xraytracing.internal.emit.DocumentWriter.Shape;
import dev.xraytracing.internal.log.WarnOnce;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The recorder's emitter: writes each document with {@link DocumentWriter} and hands it to a {@link DocumentSink}.
 * A document larger than X-Ray accepts is split: its subsegments go out as documents of their own, and as a last
 * resort an entity's metadata and stack traces are left out. Nothing is dropped without a warning.
 */
public final class DocumentEmitter extends Emitter {
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

    @Override
    public boolean sendSegment(Segment segment) {
        try {
            String whole = DocumentWriter.segment(segment, Shape.WHOLE, warnings);
            if (fits(whole)) {
                sink.send(whole);
                return true;
            }
            warnSplit(segment, whole);
            sendChildrenAlone(segment);
            String alone = DocumentWriter.segment(segment, Shape.WITHOUT_CHILDREN, warnings);
            sink.send(fits(alone) ? alone : DocumentWriter.segment(segment, Shape.WITHOUT_CHILDREN_OR_DETAILS, warnings));
            return true;
        } catch (Throwable failure) {
            return failed(segment, failure);
        }
    }

    @Override
    public boolean sendSubsegment(Subsegment subsegment) {
        try {
            String whole = DocumentWriter.standaloneSubsegment(subsegment, Shape.WHOLE, warnings);
            if (fits(whole)) {
                sink.send(whole);
                return true;
            }
            warnSplit(subsegment, whole);
            sendChildrenAlone(subsegment);
            String alone = DocumentWriter.standaloneSubsegment(subsegment, Shape.WITHOUT_CHILDREN, warnings);
            sink.send(fits(alone) ? alone
                    : DocumentWriter.standaloneSubsegment(subsegment, Shape.WITHOUT_CHILDREN_OR_DETAILS, warnings));
            return true;
        } catch (Throwable failure) {
            return failed(subsegment, failure);
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
