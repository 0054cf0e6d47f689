package dev.xraytracing.internal;

import com.amazonaws.xray.entities.Entity;
import dev.xraytracing.internal.log.WarnOnce;

/**
 * Puts metadata on an entity. Values are kept as they are and written when the document is sent; one that cannot be
 * serialized then becomes a placeholder (see the document writer), so it never costs the segment.
 */
public final class Metadata {
    public static final String DEFAULT_NAMESPACE = "default";

    private Metadata() {
    }

    public static void put(Entity entity, String namespace, String key, Object value, WarnOnce warnings) {
        if (namespace == null || key == null) {
            warnings.warn("metadata:null-key", "metadata with a null namespace or key was refused");
            return;
        }
        entity.putMetadata(namespace, key, value);
    }
}
