package dev.xraytracing.otel.internal;

import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns one segment document into the OpenTelemetry spans that X-Ray turns back into the same picture: one span per
 * entity, with the entity's ids (so the trace headers sent to downstream calls name spans that exist), the
 * attributes X-Ray reads for names, namespaces, flags, annotations, metadata and AWS fields (see
 * {@link XrayAttributes}), and the exceptions as {@code exception} events. The spans are plain
 * {@link SpanRecord}s, which the daemon path encodes without the SDK's span model; {@link #of(String, Resource)}
 * gives them as {@code SpanData} for a user's exporter.
 */
public final class DocumentSpans {
    private DocumentSpans() {
    }

    /** The spans of {@code document} as {@code SpanData} with {@code resource} (see {@link #records}). */
    public static List<SpanData> of(String document, Resource resource) throws IOException {
        return SpanRecords.toSpanData(records(document), resource);
    }

    /**
     * The spans of {@code document}, parents before children; none for a document still in progress (X-Ray sends
     * it again when it ends, and a span cannot be half finished).
     *
     * @throws IOException when the document is not JSON
     * @throws IllegalArgumentException when it is not a segment document (no trace id or id)
     */
    static List<SpanRecord> records(String document) throws IOException {
        Object root = JsonTree.read(document);
        if (!(root instanceof Map<?, ?> entity)) {
            throw new IllegalArgumentException("not a segment document: " + preview(document));
        }
        List<SpanRecord> spans = new ArrayList<>();
        if (Boolean.TRUE.equals(entity.get("in_progress"))) {
            return spans;
        }
        String traceId = XrayIds.traceIdOf(text(entity, "trace_id"));
        if (traceId == null || !XrayIds.isValidHex(traceId, 32) || id(entity, "id") == null) {
            throw new IllegalArgumentException("a segment document without an X-Ray trace id or id: "
                    + preview(document));
        }
        boolean segment = !"subsegment".equals(text(entity, "type"));
        add(spans, entity, traceId, id(entity, "parent_id"), true, segment);
        return spans;
    }

    private static void add(List<SpanRecord> spans, Map<?, ?> entity, String traceId, String parentId,
            boolean parentRemote, boolean segment) {
        String spanId = id(entity, "id");
        String name = String.valueOf(entity.get("name"));
        String namespace = text(entity, "namespace");
        int kind = segment ? SpanRecord.SERVER
                : "aws".equals(namespace) || "remote".equals(namespace) ? SpanRecord.CLIENT : SpanRecord.INTERNAL;
        long start = nanos(entity.get("start_time"));
        long end = entity.get("end_time") == null ? start : nanos(entity.get("end_time"));
        SpanFields attributes = new SpanFields();
        if ("aws".equals(namespace)) {
            attributes.put(XrayAttributes.RPC_SYSTEM, XrayAttributes.AWS_API);
            attributes.put(XrayAttributes.RPC_SERVICE, name);
        }
        SpanAttributes.annotations(attributes, map(entity.get("annotations")));
        SpanAttributes.metadata(attributes, map(entity.get("metadata")));
        Long status = SpanAttributes.http(attributes, map(entity.get("http")));
        SpanAttributes.aws(attributes, map(entity.get("aws")));
        if (entity.get("user") instanceof String user) {
            attributes.put(XrayAttributes.END_USER, user);
        }
        List<SpanRecord.Event> events = ExceptionEvents.of(entity.get("cause"), end);
        boolean error = isError(entity, status);
        String message = error && !events.isEmpty()
                ? String.valueOf(events.get(0).attributes().get(XrayAttributes.EXCEPTION_MESSAGE)) : "";
        spans.add(new SpanRecord(name, kind, traceId, spanId, parentId, parentId != null && parentRemote, error,
                message, start, end, attributes, events, links(entity.get("links")), segment ? name : null));
        if (entity.get("subsegments") instanceof List<?> children) {
            for (Object child : children) {
                if (child instanceof Map<?, ?> childEntity && !Boolean.TRUE.equals(childEntity.get("in_progress"))) {
                    if (id(childEntity, "id") == null) {
                        throw new IllegalArgumentException("a subsegment without an id OpenTelemetry accepts: "
                                + childEntity.get("id"));
                    }
                    add(spans, childEntity, traceId, spanId, false, false);
                }
            }
        }
    }

    /**
     * Whether the span's status is an error, from which X-Ray derives the flags again: with a 4xx or 5xx status X-Ray
     * reads the flags from the status alone; otherwise an error status means fault. So an entity flagged error with a
     * 3xx cannot say so and is left unset; one flagged error with no status at all (a service's exception thrown
     * through a {@code Tracing.sub} body) is marked an error, which X-Ray shows as fault: a failure is never shown as
     * a success (docs/opentelemetry.md).
     */
    private static boolean isError(Map<?, ?> entity, Long httpStatus) {
        boolean fault = Boolean.TRUE.equals(entity.get("fault"));
        boolean error = Boolean.TRUE.equals(entity.get("error"));
        boolean statusTells = httpStatus != null && httpStatus >= 400 && httpStatus <= 599;
        return fault || (error && (statusTells || httpStatus == null));
    }

    private static List<SpanRecord.Link> links(Object links) {
        if (!(links instanceof List<?> list) || list.isEmpty()) {
            return List.of();
        }
        List<SpanRecord.Link> out = new ArrayList<>();
        for (Object item : list) {
            if (item instanceof Map<?, ?> link) {
                String traceId = XrayIds.traceIdOf(text(link, "trace_id"));
                String id = id(link, "id");
                if (traceId != null && XrayIds.isValidHex(traceId, 32) && id != null) {
                    SpanFields attributes = new SpanFields();
                    if (link.get("attributes") instanceof Map<?, ?> given) {
                        for (Map.Entry<?, ?> entry : given.entrySet()) {
                            SpanAttributes.put(attributes, String.valueOf(entry.getKey()), entry.getValue());
                        }
                    }
                    out.add(new SpanRecord.Link(traceId, id, attributes));
                }
            }
        }
        return out;
    }

    /** Seconds since the epoch, as X-Ray writes them, to nanoseconds, rounded to the microsecond X-Ray keeps. */
    static long nanos(Object seconds) {
        double value = seconds instanceof Number number ? number.doubleValue() : 0d;
        return Math.round(value * 1_000_000d) * 1_000L;
    }

    static Map<?, ?> map(Object value) {
        return value instanceof Map<?, ?> map ? map : Map.of();
    }

    static String text(Map<?, ?> entity, String field) {
        return entity.get(field) instanceof String value ? value : null;
    }

    /**
     * An entity id as OpenTelemetry spells span ids (X-Ray also takes upper-case hex digits); null when it is not
     * one OpenTelemetry accepts (16 hex digits, not all zero).
     */
    private static String id(Map<?, ?> entity, String field) {
        String id = text(entity, field);
        return id != null && XrayIds.isValidHex(id, 16) ? id.toLowerCase(java.util.Locale.ROOT) : null;
    }

    private static String preview(String document) {
        return document.length() <= 120 ? document : document.substring(0, 120) + "...";
    }
}
