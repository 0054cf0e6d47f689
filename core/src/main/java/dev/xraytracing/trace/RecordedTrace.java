package dev.xraytracing.trace;

import java.util.ArrayList;
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
        this.roots = List.copyOf(roots);
        for (RecordedEntity entity : entities()) {
            entity.belongTo(this);
        }
    }

    public String traceId() {
        return traceId;
    }

    /** Entities with no parent in this trace, by start time: usually one segment. */
    public List<RecordedEntity> roots() {
        return roots;
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

    /** The earliest start of any entity, in seconds since the epoch. */
    public double startTime() {
        return entities().stream().mapToDouble(RecordedEntity::startTime).min().orElse(0);
    }

    /** The latest end of any entity, in seconds since the epoch. */
    public double endTime() {
        return entities().stream().mapToDouble(RecordedEntity::endTime).max().orElse(0);
    }

    /** From the first start to the last end. */
    public double durationMillis() {
        return (endTime() - startTime()) * 1000d;
    }

    /** The rows every view of this trace draws: each entity under its parent, placed on the trace's time span. */
    public Timeline timeline() {
        return Timeline.of(this);
    }

    @Override
    public String toString() {
        return Waterfall.render(this);
    }
}
