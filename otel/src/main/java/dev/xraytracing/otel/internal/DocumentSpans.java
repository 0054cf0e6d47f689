package dev.xraytracing.otel.internal;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns one segment document into the OpenTelemetry spans that X-Ray turns back into the same picture: one span per
 * entity, with the entity's ids (so the trace headers sent to downstream calls name spans that exist), the
 * attributes X-Ray reads for names, namespaces, flags, annotations, metadata and AWS fields (see
 * {@link XrayAttributes}), and the exceptions as {@code exception} events.
 */
public final class DocumentSpans {
    private static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");

    private DocumentSpans() {
    }

    /**
     * The spans of {@code document}, parents before children; none for a document still in progress (X-Ray sends
     * it again when it ends, and a span cannot be half finished).
     *
     * @throws IOException when the document is not JSON
     * @throws IllegalArgumentException when it is not a segment document (no trace id or id)
     */
    public static List<SpanData> of(String document, Resource resource) throws IOException {
        Object root = JsonTree.read(document);
        if (!(root instanceof Map<?, ?> entity)) {
            throw new IllegalArgumentException("not a segment document: " + preview(document));
        }
        List<SpanData> spans = new ArrayList<>();
        if (Boolean.TRUE.equals(entity.get("in_progress"))) {
            return spans;
        }
        String traceId = XrayIds.traceIdOf(text(entity, "trace_id"));
        if (traceId == null || id(entity, "id") == null) {
            throw new IllegalArgumentException("a segment document without an X-Ray trace id or id: "
                    + preview(document));
        }
        String parentId = id(entity, "parent_id");
        SpanContext parent = parentId == null ? SpanContext.getInvalid()
                : SpanContext.createFromRemoteParent(traceId, parentId, TraceFlags.getSampled(), TraceState.getDefault());
        boolean segment = !"subsegment".equals(text(entity, "type"));
        add(spans, entity, traceId, parent, segment, resource);
        return spans;
    }

    private static void add(List<SpanData> spans, Map<?, ?> entity, String traceId, SpanContext parent,
            boolean segment, Resource resource) {
        SpanContext own = SpanContext.create(traceId, id(entity, "id"), TraceFlags.getSampled(),
                TraceState.getDefault());
        String name = String.valueOf(entity.get("name"));
        String namespace = text(entity, "namespace");
        SpanKind kind = segment ? SpanKind.SERVER
                : "aws".equals(namespace) || "remote".equals(namespace) ? SpanKind.CLIENT : SpanKind.INTERNAL;
        long start = nanos(entity.get("start_time"));
        long end = entity.get("end_time") == null ? start : nanos(entity.get("end_time"));
        AttributesBuilder attributes = Attributes.builder();
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
        List<EventData> events = ExceptionEvents.of(entity.get("cause"), end);
        spans.add(new DocumentSpan(name, kind, own, parent, statusOf(entity, status, events), start, end,
                attributes.build(), events, links(entity.get("links")),
                segment ? resource.merge(Resource.create(Attributes.of(SERVICE_NAME, name))) : resource));
        if (entity.get("subsegments") instanceof List<?> children) {
            for (Object child : children) {
                if (child instanceof Map<?, ?> childEntity && !Boolean.TRUE.equals(childEntity.get("in_progress"))) {
                    add(spans, childEntity, traceId, own, false, resource);
                }
            }
        }
    }

    /**
     * The status from which X-Ray derives the flags again: with a 4xx or 5xx status X-Ray reads the flags from the
     * status alone; otherwise an error status means fault. So an entity flagged error with a 3xx cannot say so and is
     * left unset; one flagged error with no status at all (a service's exception thrown through a {@code Tracing.sub}
     * body) is marked an error, which X-Ray shows as fault: a failure is never shown as a success
     * (docs/opentelemetry.md).
     */
    private static StatusData statusOf(Map<?, ?> entity, Long httpStatus, List<EventData> events) {
        boolean fault = Boolean.TRUE.equals(entity.get("fault"));
        boolean error = Boolean.TRUE.equals(entity.get("error"));
        boolean statusTells = httpStatus != null && httpStatus >= 400 && httpStatus <= 599;
        if (fault || (error && (statusTells || httpStatus == null))) {
            String description = events.isEmpty() ? ""
                    : String.valueOf(events.get(0).getAttributes().get(AttributeKey.stringKey(
                            XrayAttributes.EXCEPTION_MESSAGE)));
            return StatusData.create(StatusCode.ERROR, description);
        }
        return StatusData.unset();
    }

    private static List<LinkData> links(Object links) {
        if (!(links instanceof List<?> list) || list.isEmpty()) {
            return List.of();
        }
        List<LinkData> out = new ArrayList<>();
        for (Object item : list) {
            if (item instanceof Map<?, ?> link) {
                String traceId = XrayIds.traceIdOf(text(link, "trace_id"));
                String id = id(link, "id");
                if (traceId != null && id != null) {
                    AttributesBuilder attributes = Attributes.builder();
                    if (link.get("attributes") instanceof Map<?, ?> given) {
                        for (Map.Entry<?, ?> entry : given.entrySet()) {
                            SpanAttributes.put(attributes, String.valueOf(entry.getKey()), entry.getValue());
                        }
                    }
                    out.add(LinkData.create(SpanContext.createFromRemoteParent(traceId, id, TraceFlags.getSampled(),
                            TraceState.getDefault()), attributes.build()));
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

    /** An entity id as OpenTelemetry spells span ids (X-Ray also takes upper-case hex digits). */
    private static String id(Map<?, ?> entity, String field) {
        String id = text(entity, field);
        return id == null ? null : id.toLowerCase(java.util.Locale.ROOT);
    }

    private static String preview(String document) {
        return document.length() <= 120 ? document : document.substring(0, 120) + "...";
    }
}
