package dev.xraytracing.trace;

import java.util.Objects;

/** One entry of an entity's {@code links}: an entity of another trace it follows from, such as a message's producer. */
public final class RecordedLink {
    private final String traceId;
    private final String id;

    RecordedLink(String traceId, String id) {
        this.traceId = traceId;
        this.id = id;
    }

    /** The linked trace's id. */
    public String traceId() {
        return traceId;
    }

    /** The linked entity's id in that trace. */
    public String id() {
        return id;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RecordedLink link && traceId.equals(link.traceId) && id.equals(link.id);
    }

    @Override
    public int hashCode() {
        return Objects.hash(traceId, id);
    }

    @Override
    public String toString() {
        return traceId + "/" + id;
    }
}
