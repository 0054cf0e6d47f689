package dev.xraytracing.internal;

import dev.xraytracing.internal.log.WarnOnce;
import com.amazonaws.xray.entities.Entity;
import com.amazonaws.xray.entities.Subsegment;
import com.amazonaws.xray.entities.ThrowableDescription;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Describes a thrown exception for X-Ray when it is recorded, instead of leaving it to the X-Ray SDK, whose walk of the
 * cause chain never ends on a cycle ({@code a.initCause(b); b.initCause(a)}, a {@code getCause()} that returns
 * {@code this}). The description is bounded and made of plain values, so whoever serializes the entity later (our
 * writer, or the X-Ray SDK's under a segment it owns) cannot fail on it:
 * at most {@link #MAX_CHAIN} exceptions per chain and {@link #MAX_PER_ENTITY} per entity, messages cut to
 * {@link #MAX_MESSAGE} characters, at most {@link #MAX_FRAMES} frames, null frames skipped, and a hostile
 * {@code getMessage()}, {@code getCause()} or {@code getStackTrace()} replaced by a note. Each cut is logged once.
 *
 * <p>No static initializer: this class may first be used while the stack is nearly exhausted.
 */
public final class ExceptionDescriptions {
    static final int MAX_CHAIN = 16;
    static final int MAX_PER_ENTITY = 32;
    static final int MAX_MESSAGE = 1_024;
    static final int MAX_FRAMES = 50;

    private ExceptionDescriptions() {
    }

    /**
     * Adds the description of {@code thrown} to the entity's cause. When a child subsegment recorded the same exception
     * already (a failure passing up through nested {@code Tracing.sub}s), only a reference to it is added, as the
     * X-Ray SDK does. Returns the first description added, or null when nothing was added (the entity is full).
     */
    public static ThrowableDescription add(Entity entity, Throwable thrown, WarnOnce warnings) {
        if (exceptionsOf(entity).size() >= MAX_PER_ENTITY) {
            warnings.warn("exception:per-entity", "more than " + MAX_PER_ENTITY + " exceptions were recorded on one "
                    + "(sub)segment; the further ones are left out (the first " + MAX_PER_ENTITY + " are kept)");
            return null;
        }
        String reference = describedInChildren(entity, thrown);
        if (reference != null) {
            ThrowableDescription link = new ThrowableDescription();
            link.setCause(reference);
            link.setThrowable(thrown);
            addTo(entity, List.of(link));
            return link;
        }
        List<ThrowableDescription> chain = describe(entity, thrown, warnings);
        addTo(entity, chain);
        return chain.get(0);
    }

    /** The exceptions recorded on {@code entity}: our lean entities keep them without the SDK's {@link Cause}. */
    private static List<ThrowableDescription> exceptionsOf(Entity entity) {
        if (entity instanceof LeanEntity lean) {
            List<ThrowableDescription> own = lean.ownExceptions();
            if (own != null) {
                return own;
            }
        }
        return entity.getCause().getExceptions();
    }

    private static void addTo(Entity entity, List<ThrowableDescription> descriptions) {
        if (entity instanceof LeanEntity lean) {
            lean.addExceptions(descriptions);
        } else {
            entity.getCause().addExceptions(descriptions);
        }
    }

    /** The chain from {@code thrown} along its causes: bounded, cycle-safe, never throwing. */
    static List<ThrowableDescription> describe(Entity entity, Throwable thrown, WarnOnce warnings) {
        List<ThrowableDescription> chain = new ArrayList<>(4);
        List<Throwable> seen = new ArrayList<>(4);
        Throwable current = thrown;
        String id = newId(entity);
        while (current != null) {
            ThrowableDescription description = describeOne(current, id, warnings);
            chain.add(description);
            seen.add(current);
            Throwable next = causeOf(current);
            if (next == null) {
                break;
            }
            if (containsSame(seen, next)) {
                warnings.warn("exception:cycle", "an exception's cause chain loops back on itself ("
                        + typeOf(next) + "); it was recorded up to the repetition");
                break;
            }
            if (chain.size() >= MAX_CHAIN) {
                description.setSkipped(countRest(next, seen));
                warnings.warn("exception:chain", "an exception's cause chain is longer than " + MAX_CHAIN
                        + "; the first " + MAX_CHAIN + " are recorded, the rest counted as skipped");
                break;
            }
            id = newId(entity);
            description.setCause(id);
            current = next;
        }
        return chain;
    }

    private static ThrowableDescription describeOne(Throwable thrown, String id, WarnOnce warnings) {
        ThrowableDescription description = new ThrowableDescription();
        description.setId(id);
        description.setType(typeOf(thrown));
        description.setMessage(messageOf(thrown, warnings));
        description.setThrowable(thrown);
        StackTraceElement[] stack;
        try {
            stack = thrown.getStackTrace();
        } catch (Throwable failure) {
            stack = null;
        }
        if (stack != null) {
            int total = stack.length;
            StackTraceElement[] kept = new StackTraceElement[Math.min(total, MAX_FRAMES)];
            int count = 0;
            for (int i = 0; i < total && count < kept.length; i++) {
                if (stack[i] != null) {
                    kept[count++] = stack[i];
                }
            }
            description.setStack(count == kept.length ? kept : Arrays.copyOf(kept, count));
            description.setTruncated(Math.max(0, total - MAX_FRAMES));
        }
        return description;
    }

    private static String messageOf(Throwable thrown, WarnOnce warnings) {
        String message;
        try {
            message = thrown.getMessage();
        } catch (Throwable failure) {
            return "<getMessage() threw " + failure.getClass().getName() + ">";
        }
        if (message != null && message.length() > MAX_MESSAGE) {
            warnings.warn("exception:message", "an exception message had " + message.length()
                    + " characters; it was cut to " + MAX_MESSAGE);
            int end = MAX_MESSAGE;
            if (Character.isHighSurrogate(message.charAt(end - 1))) {
                end--;
            }
            return message.substring(0, end) + "... (cut at " + MAX_MESSAGE + " of " + message.length() + ")";
        }
        return message;
    }

    private static Throwable causeOf(Throwable thrown) {
        try {
            return thrown.getCause();
        } catch (Throwable failure) {
            return null;
        }
    }

    private static String typeOf(Throwable thrown) {
        return thrown.getClass().getName();
    }

    private static boolean containsSame(List<Throwable> seen, Throwable candidate) {
        for (int i = 0; i < seen.size(); i++) {
            if (seen.get(i) == candidate) {
                return true;
            }
        }
        return false;
    }

    /** How many more causes follow (bounded too: a chain may be endless). */
    private static int countRest(Throwable next, List<Throwable> seen) {
        int count = 0;
        Throwable current = next;
        while (current != null && count < 10_000 && !containsSame(seen, current)) {
            count++;
            Throwable following = causeOf(current);
            if (following == current) {
                break;
            }
            current = following;
        }
        return count;
    }

    /** The id of the description a child subsegment already holds for this very exception, or null. */
    private static String describedInChildren(Entity entity, Throwable thrown) {
        List<Subsegment> children = entity.getSubsegments();
        if (children == null || children.isEmpty()) {
            return null;
        }
        for (Subsegment child : children.toArray(new Subsegment[0])) {
            for (ThrowableDescription description : exceptionsOf(child).toArray(new ThrowableDescription[0])) {
                if (description.getThrowable() == thrown) {
                    return description.getId() != null ? description.getId() : description.getCause();
                }
            }
        }
        return null;
    }

    private static String newId(Entity entity) {
        return TracerCore.newIdFor(entity);
    }
}
