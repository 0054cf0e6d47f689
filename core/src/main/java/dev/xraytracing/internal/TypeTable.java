package dev.xraytracing.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Values registered per type; the one registered last for a type an object is an instance of wins. */
public final class TypeTable<V> {
    private final List<Entry<V>> entries = new CopyOnWriteArrayList<>();

    public void register(Class<?> type, V value) {
        entries.add(0, new Entry<>(type, value));
    }

    /** The value for {@code instance}, or null when no registered type matches (or it is null). */
    public V find(Object instance) {
        if (instance == null) {
            return null;
        }
        for (Entry<V> entry : entries) {
            if (entry.type.isInstance(instance)) {
                return entry.value;
            }
        }
        return null;
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    private static final class Entry<V> {
        final Class<?> type;
        final V value;

        Entry(Class<?> type, V value) {
            this.type = type;
            this.value = value;
        }
    }
}
