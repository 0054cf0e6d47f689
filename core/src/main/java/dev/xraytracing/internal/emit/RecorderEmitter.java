package dev.xraytracing.internal.emit;

import com.amazonaws.xray.emitters.Emitter;
import com.amazonaws.xray.entities.Segment;
import com.amazonaws.xray.entities.Subsegment;
import com.amazonaws.xray.strategy.DefaultStreamingStrategy;

/**
 * A {@link DocumentEmitter} in the shape the X-Ray SDK's recorder takes, so that the entities the SDK owns (segments
 * begun outside Lambda, the escape hatch) go out through the same writer and socket as ours. Kept apart from
 * {@link DocumentEmitter} so that a traced invocation of lean entities never loads the SDK's {@code Emitter}, whose
 * verification also loads its {@code UDPEmitter}, nor its streaming strategy: four classes of a cold start.
 */
public final class RecorderEmitter extends Emitter {
    private final DocumentEmitter documents;

    public RecorderEmitter(DocumentEmitter documents) {
        this.documents = documents;
    }

    /** Our emitter behind {@code emitter}, or null when a recorder sends through an emitter of its own. */
    public static DocumentEmitter documentsOf(Emitter emitter) {
        return emitter instanceof RecorderEmitter ours ? ours.documents : null;
    }

    /**
     * Sends the finished subtrees of {@code segment} as documents of their own and takes them out of it, as the X-Ray
     * SDK's default streaming strategy does once a segment holds too many subsegments for one datagram.
     */
    public static void streamSome(Segment segment, DocumentEmitter documents) {
        new DefaultStreamingStrategy().streamSome(segment, new RecorderEmitter(documents));
    }

    @Override
    public boolean sendSegment(Segment segment) {
        return documents.sendSegment(segment);
    }

    @Override
    public boolean sendSubsegment(Subsegment subsegment) {
        return documents.sendSubsegment(subsegment);
    }
}
