package dev.xraytracing.internal.emit;

import com.amazonaws.xray.entities.Cause;
import com.amazonaws.xray.entities.Entity;
import com.amazonaws.xray.entities.Segment;
import com.amazonaws.xray.entities.Subsegment;
import com.amazonaws.xray.entities.ThrowableDescription;
import dev.xraytracing.internal.log.WarnOnce;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Writes X-Ray segment documents by hand. It carries the same fields as the X-Ray SDK's Jackson serialization, with
 * empty values left out the same way, at a fraction of the cost, and it never throws: a value that cannot be written
 * becomes a placeholder.
 */
public final class DocumentWriter {

    /** What to leave out of a document that is too large to send whole. */
    public enum Shape {
        WHOLE,
        WITHOUT_CHILDREN,
        /** No metadata, no stacks, annotations up to {@link #DETAILS_ANNOTATION_BUDGET} characters. */
        WITHOUT_CHILDREN_OR_DETAILS,
        /**
         * The last resort, small whatever the entity holds: ids, times, flags, namespace, and annotations up to
         * {@link #MINIMAL_ANNOTATION_BUDGET} characters; no cause, http, aws, sql or metadata, but a note saying so.
         */
        MINIMAL
    }

    /** Characters of annotations kept when the details are left out; the first ones, in the entity's order. */
    static final int DETAILS_ANNOTATION_BUDGET = 24 * 1024;
    static final int MINIMAL_ANNOTATION_BUDGET = 8 * 1024;
    private static final String LEFT_OUT = "left out: the document was larger than one X-Ray document may be";

    private DocumentWriter() {
    }

    /** The process's working directory, which the SDK's {@code Cause} records with the first exception. */
    private static final class WorkingDirectory {
        static final String PATH = Path.of("").toAbsolutePath().toString();
    }

    public static String segment(Segment segment, Shape shape, WarnOnce warnings) {
        JsonOut json = new JsonOut(new StringBuilder(512), warnings);
        json.beginObject();
        common(json, segment, shape);
        json.field("trace_id", segment.getTraceId().toString());
        json.field("origin", blankToNull(segment.getOrigin()));
        if (shape != Shape.MINIMAL) {
            json.field("user", blankToNull(segment.getUser()));
            json.field("resource_arn", blankToNull(segment.getResourceArn()));
            map(json, "service", segment.getService());
        }
        json.endObject();
        return json.out.toString();
    }

    /** A subsegment sent on its own: it names its trace and parent so X-Ray can place it. */
    public static String standaloneSubsegment(Subsegment subsegment, Shape shape, WarnOnce warnings) {
        JsonOut json = new JsonOut(new StringBuilder(512), warnings);
        json.beginObject();
        subsegmentBody(json, subsegment, shape);
        json.field("type", "subsegment");
        json.field("parent_id", subsegment.getParent().getId());
        json.field("trace_id", subsegment.getParentSegment().getTraceId().toString());
        json.endObject();
        return json.out.toString();
    }

    private static void nestedSubsegment(JsonOut json, Subsegment subsegment) {
        json.element();
        json.beginObject();
        subsegmentBody(json, subsegment, Shape.WHOLE);
        json.endObject();
    }

    private static void subsegmentBody(JsonOut json, Subsegment subsegment, Shape shape) {
        common(json, subsegment, shape);
        json.field("namespace", blankToNull(subsegment.getNamespace()));
        Collection<String> precursors = subsegment.getPrecursorIds();
        if (shape != Shape.MINIMAL && precursors != null && !precursors.isEmpty()) {
            json.name("precursor_ids");
            json.value(precursors);
        }
    }

    private static void common(JsonOut json, Entity entity, Shape shape) {
        json.field("name", entity.getName());
        json.field("id", entity.getId());
        json.timeField("start_time", entity.getStartTime());
        if (entity.getEndTime() != 0) {
            json.timeField("end_time", entity.getEndTime());
        }
        if (entity.isInProgress()) {
            json.field("in_progress", true);
        }
        if (entity.getParentId() != null && !(entity instanceof Subsegment)) {
            json.field("parent_id", entity.getParentId());
        }
        if (entity.isFault()) {
            json.field("fault", true);
        }
        if (entity.isError()) {
            json.field("error", true);
        }
        if (entity.isThrottle()) {
            json.field("throttle", true);
        }
        boolean details = shape == Shape.WHOLE || shape == Shape.WITHOUT_CHILDREN;
        if (shape == Shape.MINIMAL) {
            json.name("metadata");
            json.objectOf(Map.of("xray_tracing", Map.of("truncated", "cause, http, aws, sql and metadata " + LEFT_OUT)));
            annotations(json, entity.getAnnotations(), MINIMAL_ANNOTATION_BUDGET);
        } else {
            cause(json, entity, details);
            map(json, "http", entity.getHttp());
            map(json, "aws", entity.getAws());
            map(json, "sql", entity.getSql());
            if (details) {
                metadata(json, entity.getMetadata());
                map(json, "annotations", entity.getAnnotations());
            } else {
                json.name("metadata");
                json.objectOf(Map.of("xray_tracing", Map.of("truncated", "metadata and stack traces " + LEFT_OUT)));
                annotations(json, entity.getAnnotations(), DETAILS_ANNOTATION_BUDGET);
            }
        }
        if (entity instanceof LeanFields lean) {
            links(json, lean.links());
        }
        if (shape == Shape.WHOLE) {
            List<Subsegment> children = entity.getSubsegments();
            if (children != null && !children.isEmpty()) {
                json.name("subsegments");
                json.beginArray();
                for (Subsegment child : children.toArray(new Subsegment[0])) {
                    nestedSubsegment(json, child);
                }
                json.endArray();
            }
        }
    }

    private static void links(JsonOut json, List<String[]> links) {
        if (links.isEmpty()) {
            return;
        }
        json.name("links");
        json.beginArray();
        for (String[] link : links) {
            json.element();
            json.beginObject();
            json.field("trace_id", link[0]);
            json.field("id", link[1]);
            json.endObject();
        }
        json.endArray();
    }

    /**
     * As many annotations as fit in {@code budget} characters, the smallest first (so that the most of them are kept,
     * whatever a few huge ones hold); the others are counted in a warning.
     */
    private static void annotations(JsonOut json, Map<String, Object> annotations, int budget) {
        if (isEmpty(annotations)) {
            return;
        }
        List<Map.Entry<String, Object>> entries = new ArrayList<>(annotations.entrySet());
        entries.sort(new SmallestFirst());
        json.name("annotations");
        json.beginObject();
        int start = json.out.length();
        int left = 0;
        for (Map.Entry<String, Object> entry : entries) {
            if (json.out.length() - start + approximateSize(entry) > budget) {
                left++;
                continue;
            }
            json.name(entry.getKey());
            json.value(entry.getValue());
        }
        json.endObject();
        if (left > 0) {
            json.warnings.warn("split:annotations", left + " annotations of an oversized "
                    + "document were left out (the smallest ones, up to " + budget + " characters, were kept)");
        }
    }

    /** A named class, not a method reference: each lambda costs a spun class on a cold start (docs/benchmarks.md). */
    private static final class SmallestFirst implements Comparator<Map.Entry<String, Object>> {
        @Override
        public int compare(Map.Entry<String, Object> a, Map.Entry<String, Object> b) {
            return Integer.compare(approximateSize(a), approximateSize(b));
        }
    }

    private static int approximateSize(Map.Entry<String, Object> entry) {
        Object value = entry.getValue();
        return entry.getKey().length() + (value instanceof String ? ((String) value).length() : 24) + 6;
    }

    private static void cause(JsonOut json, Entity entity, boolean withStacks) {
        List<ThrowableDescription> own = entity instanceof LeanFields lean ? lean.ownExceptions() : null;
        if (own == null) {
            Cause cause = entity.getCause();
            if (cause != null) {
                cause(json, cause.getWorkingDirectory(), cause.getId(), cause.getMessage(), cause.getPaths(),
                        cause.getExceptions(), withStacks);
            }
        } else if (!own.isEmpty()) {
            // as the SDK's Cause has it once an exception is added
            cause(json, WorkingDirectory.PATH, null, null, null, own, withStacks);
        }
    }

    private static void cause(JsonOut json, String workingDirectory, String id, String message,
            Collection<String> paths, List<ThrowableDescription> exceptions, boolean withStacks) {
        if (!exceptions.isEmpty()) {
            ThrowableDescription first = exceptions.get(0);
            if (first.getId() == null && first.getCause() != null) {
                json.field("cause", first.getCause());
                return;
            }
        } else if (id == null && message == null) {
            return;
        }
        json.name("cause");
        json.beginObject();
        json.field("working_directory", workingDirectory);
        json.field("id", id);
        json.field("message", message);
        if (paths != null && !paths.isEmpty()) {
            json.name("paths");
            json.value(paths);
        }
        if (!exceptions.isEmpty()) {
            json.name("exceptions");
            json.beginArray();
            for (ThrowableDescription exception : exceptions.toArray(new ThrowableDescription[0])) {
                exception(json, exception, withStacks);
            }
            json.endArray();
        }
        json.endObject();
    }

    private static void exception(JsonOut json, ThrowableDescription exception, boolean withStack) {
        json.element();
        json.beginObject();
        json.field("id", exception.getId());
        json.field("message", exception.getMessage());
        json.field("type", exception.getType());
        // The SDK always writes these three, zero and false included.
        json.field("remote", exception.isRemote());
        json.field("truncated", (long) exception.getTruncated());
        json.field("skipped", (long) exception.getSkipped());
        json.field("cause", exception.getCause());
        StackTraceElement[] stack = exception.getStack();
        if (withStack && stack != null && stack.length > 0) {
            json.name("stack");
            json.beginArray();
            for (StackTraceElement frame : stack) {
                if (frame == null) {
                    continue; // a hostile getStackTrace() may hold nulls
                }
                json.element();
                json.beginObject();
                json.field("path", frame.getFileName());
                json.field("line", (long) frame.getLineNumber());
                json.field("label", frame.getClassName() + "." + frame.getMethodName());
                json.endObject();
            }
            json.endArray();
        }
        json.endObject();
    }

    /** Metadata: an object of namespaces, each an object, as the schema wants, whatever their values do. */
    private static void metadata(JsonOut json, Map<String, Map<String, Object>> metadata) {
        if (isEmpty(metadata)) {
            return;
        }
        json.name("metadata");
        int mark = json.out.length();
        try {
            json.beginObject();
            for (Map.Entry<String, Map<String, Object>> namespace : metadata.entrySet()) {
                json.name(namespace.getKey());
                json.objectOf(namespace.getValue() != null ? namespace.getValue() : Map.of());
            }
            json.endObject();
        } catch (Throwable failure) {
            json.rewindAfterName(mark);
            json.objectOf(Map.of());
        }
    }

    /** A field the schema wants as an object: written as one even when its values cannot be. */
    private static void map(JsonOut json, String name, Map<String, ?> map) {
        if (!isEmpty(map)) {
            json.name(name);
            json.objectOf(map);
        }
    }

    private static boolean isEmpty(Map<String, ?> map) {
        return map == null || map.isEmpty();
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
