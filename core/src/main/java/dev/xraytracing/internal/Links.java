package dev.xraytracing.internal;

import com.amazonaws.xray.entities.Entity;

/** Links an entity of ours to an entity of another trace: the producer of a message it processes. */
public final class Links {
    private Links() {
    }

    /**
     * Adds a link from {@code entity} to entity {@code parentId} of trace {@code traceId}. Returns false, adding
     * nothing, when either id is not an X-Ray id or the entity is the X-Ray SDK's (its writer knows no links).
     */
    public static boolean add(Entity entity, String traceId, String parentId) {
        if (!(entity instanceof LeanEntity) || traceId == null || parentId == null || !TraceHeader.isTraceId(traceId)
                || !Spans.isEntityId(parentId)) {
            return false;
        }
        ((LeanEntity) entity).addLink(traceId, parentId);
        return true;
    }
}
