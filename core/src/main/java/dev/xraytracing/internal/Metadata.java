package dev.xraytracing.internal;

import com.amazonaws.xray.entities.Entity;
import dev.xraytracing.internal.emit.MetadataTree;
import dev.xraytracing.internal.log.WarnOnce;

/**
 * Puts metadata on an entity, as a JSON-safe copy made now ({@link MetadataTree}): what cannot be read becomes a
 * placeholder, so no value can cost the segment, whoever serializes it later.
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
        entity.putMetadata(namespace, key, MetadataTree.of(value, warnings));
    }
}
