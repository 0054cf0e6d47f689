package dev.xraytracing.sdk.internal;

import com.amazonaws.xray.entities.Entity;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Turns a request or response member into an aws field value: identifiers as they are, maps as keys, lists as size. */
final class ResourceValues {
    private ResourceValues() {
    }

    static void put(Entity entity, ResourceTable.Field field, Object value) {
        Object readable = readable(value);
        if (readable != null) {
            entity.putAws(field.awsField, readable);
        }
    }

    private static Object readable(Object value) {
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Map) {
            List<String> keys = new ArrayList<>();
            for (Object key : ((Map<?, ?>) value).keySet()) {
                keys.add(String.valueOf(key));
            }
            return keys;
        }
        if (value instanceof Collection) {
            return ((Collection<?>) value).size();
        }
        // Anything else (bytes, structures, streams) may be a payload: never recorded.
        return null;
    }
}
