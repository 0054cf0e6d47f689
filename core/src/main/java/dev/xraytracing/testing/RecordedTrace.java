package dev.xraytracing.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Predicate;

/** All the entities of one trace id, assembled into trees from however many documents carried them. */
public final class RecordedTrace {
    private final String traceId;
    private final List<RecordedEntity> roots;

    RecordedTrace(String traceId, List<RecordedEntity> roots) {
        this.traceId = traceId;
        this.roots = roots;
    }

    public String traceId() {
        return traceId;
    }

    /** Entities with no parent in this trace: usually one segment. */
    public List<RecordedEntity> roots() {
        return Collections.unmodifiableList(roots);
    }

    /** Every entity, depth first from the roots. */
    public List<RecordedEntity> entities() {
        List<RecordedEntity> ordered = new ArrayList<>();
        for (RecordedEntity root : roots) {
            ordered.addAll(root.descendantsAndSelf());
        }
        return ordered;
    }

    public List<RecordedEntity> segments() {
        List<RecordedEntity> segments = new ArrayList<>();
        for (RecordedEntity entity : entities()) {
            if (entity.isSegment()) {
                segments.add(entity);
            }
        }
        return segments;
    }

    public Optional<RecordedEntity> find(Predicate<RecordedEntity> predicate) {
        for (RecordedEntity entity : entities()) {
            if (predicate.test(entity)) {
                return Optional.of(entity);
            }
        }
        return Optional.empty();
    }

    /** The first entity named {@code name}. */
    public Optional<RecordedEntity> find(String name) {
        return find(entity -> entity.name().equals(name));
    }

    /** The first entity named {@code name}; throws with the whole waterfall when there is none. */
    public RecordedEntity get(String name) {
        return find(name).orElseThrow(() -> new NoSuchElementException(
                "no entity named '" + name + "' in trace " + traceId + ":\n" + Waterfall.render(this)));
    }

    public List<RecordedEntity> findAll(String name) {
        List<RecordedEntity> found = new ArrayList<>();
        for (RecordedEntity entity : entities()) {
            if (entity.name().equals(name)) {
                found.add(entity);
            }
        }
        return found;
    }

    @Override
    public String toString() {
        return Waterfall.render(this);
    }
}
