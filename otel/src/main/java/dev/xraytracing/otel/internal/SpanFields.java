package dev.xraytracing.otel.internal;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A span's (or an event's, a link's, a resource's) attributes as plain values, in the order OpenTelemetry's
 * {@code Attributes} keeps them: sorted by key, the last value put under a key wins, empty keys and null values left
 * out. A value is a {@code String}, {@code Long}, {@code Double}, {@code Boolean} or a {@code List<String>}. The
 * daemon path encodes these directly ({@link OtlpTraceEncoder}); {@link SpanRecords} turns them into
 * {@code Attributes} for a user's exporter.
 */
final class SpanFields {
    private final TreeMap<String, Object> values = new TreeMap<>();

    SpanFields put(String key, String value) {
        return putValue(key, value);
    }

    SpanFields put(String key, long value) {
        return putValue(key, value);
    }

    SpanFields put(String key, double value) {
        return putValue(key, value);
    }

    SpanFields put(String key, boolean value) {
        return putValue(key, value);
    }

    SpanFields put(String key, List<String> value) {
        return putValue(key, value == null ? null : List.copyOf(value));
    }

    SpanFields putAll(SpanFields other) {
        values.putAll(other.values);
        return this;
    }

    Object get(String key) {
        return values.get(key);
    }

    Map<String, Object> asMap() {
        return values;
    }

    int size() {
        return values.size();
    }

    private SpanFields putValue(String key, Object value) {
        if (key != null && !key.isEmpty() && value != null) {
            values.put(key, value);
        }
        return this;
    }
}
