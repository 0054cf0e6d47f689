package dev.xraytracing.otel.internal;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns OpenTelemetry spans into segment documents the way X-Ray does (the OpenTelemetry Collector's X-Ray exporter,
 * which X-Ray's OTLP endpoint follows): one document per span, a subsegment when the span has a parent and is not a
 * server span; the name, namespace and flags from the attributes X-Ray reads; annotations from
 * {@code aws.xray.annotations}, metadata from {@code aws.xray.metadata.*} and every attribute nothing else took
 * (under {@code default}); the exceptions from {@code exception} events. Used by the local daemon and the test kit,
 * so that an OpenTelemetry-backed function looks there as it would in X-Ray.
 */
public final class SpanDocuments {
    private SpanDocuments() {
    }

    /** The segment documents of {@code spans}, one each, as JSON. */
    public static List<String> of(List<SpanData> spans) {
        List<String> documents = new ArrayList<>(spans.size());
        for (SpanData span : spans) {
            documents.add(JsonTree.write(document(span)));
        }
        return documents;
    }

    static Map<String, Object> document(SpanData span) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        span.getAttributes().forEach((key, value) -> attributes.put(key.getKey(), value));
        boolean hasParent = span.getParentSpanContext().isValid();
        boolean subsegment = span.getKind() != SpanKind.SERVER && hasParent;
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("name", SpanNames.segmentName(span, attributes));
        document.put("id", span.getSpanId());
        document.put("trace_id", XrayIds.xrayTraceIdOf(span.getTraceId()));
        document.put("start_time", span.getStartEpochNanos() / 1e9);
        document.put("end_time", span.getEndEpochNanos() / 1e9);
        if (hasParent) {
            document.put("parent_id", span.getParentSpanId());
        }
        if (subsegment) {
            document.put("type", "subsegment");
        }
        String namespace = SpanNames.namespace(span, attributes);
        if (namespace != null) {
            document.put("namespace", namespace);
        }
        Object http = SpanHttp.take(attributes);
        Long status = SpanHttp.status(http);
        boolean[] flags = flags(span, status);
        document.put("fault", flags[0]);
        document.put("error", flags[1]);
        document.put("throttle", flags[2]);
        Object cause = cause(span);
        if (cause != null) {
            document.put("cause", cause);
        }
        if (http != null) {
            document.put("http", http);
        }
        document.put("aws", SpanAws.take(attributes, span.getResource().getAttributes()));
        if (attributes.remove(XrayAttributes.END_USER) instanceof String user) {
            document.put("user", user);
        }
        annotationsAndMetadata(document, attributes, subsegment ? null : span.getResource().getAttributes());
        if (!span.getLinks().isEmpty()) {
            document.put("links", links(span.getLinks()));
        }
        return document;
    }

    /**
     * Fault, error and throttle as X-Ray derives them: from a 4xx or 5xx status alone (429 also throttle), otherwise
     * fault when the span's status is error.
     */
    private static boolean[] flags(SpanData span, Long status) {
        if (status != null && status >= 400 && status <= 499) {
            return new boolean[] {false, true, status == 429};
        }
        if (status != null && status >= 500 && status <= 599) {
            return new boolean[] {true, false, false};
        }
        return new boolean[] {span.getStatus().getStatusCode() == StatusCode.ERROR, false, false};
    }

    private static Object cause(SpanData span) {
        List<Object> exceptions = new ArrayList<>();
        boolean remote = span.getKind() == SpanKind.CLIENT || span.getKind() == SpanKind.PRODUCER;
        for (EventData event : span.getEvents()) {
            if (XrayAttributes.EXCEPTION_EVENT.equals(event.getName())) {
                exceptions.addAll(JavaStackTraces.exceptions(event.getAttributes(), remote));
            }
        }
        if (exceptions.isEmpty() && span.getStatus().getStatusCode() == StatusCode.ERROR
                && !span.getStatus().getDescription().isEmpty()) {
            Map<String, Object> exception = new LinkedHashMap<>();
            exception.put("id", JavaStackTraces.newId());
            exception.put("type", "");
            exception.put("message", span.getStatus().getDescription());
            exceptions.add(exception);
        }
        return exceptions.isEmpty() ? null : Map.of("exceptions", exceptions);
    }

    private static void annotationsAndMetadata(Map<String, Object> document, Map<String, Object> attributes,
            Attributes resource) {
        Map<String, Object> annotations = new LinkedHashMap<>();
        Map<String, Object> metadata = new LinkedHashMap<>();
        Map<String, Object> defaults = new LinkedHashMap<>();
        Object indexed = attributes.remove(XrayAttributes.ANNOTATIONS);
        List<?> indexedKeys = indexed instanceof List<?> list ? list : List.of();
        if (resource != null) {
            resource.forEach((key, value) -> defaults.put("otel.resource." + key.getKey(), value));
        }
        for (Map.Entry<String, Object> entry : attributes.entrySet()) {
            String key = entry.getKey();
            Object value = entry.getValue();
            if (indexedKeys.contains(key) && annotationValue(value)) {
                annotations.put(annotationKey(key), value);
            } else if (key.startsWith(XrayAttributes.METADATA_PREFIX) && value instanceof String json) {
                String namespace = key.substring(XrayAttributes.METADATA_PREFIX.length());
                Object parsed = JavaStackTraces.parseObject(json);
                if (parsed == null) {
                    defaults.put(key, json);
                } else if (namespace.equalsIgnoreCase("default")) {
                    defaults.putAll((Map<String, Object>) parsed);
                } else {
                    metadata.put(namespace, parsed);
                }
            } else if (value != null) {
                defaults.put(key, value);
            }
        }
        if (!defaults.isEmpty()) {
            metadata.put("default", defaults);
        }
        if (!annotations.isEmpty()) {
            document.put("annotations", annotations);
        }
        if (!metadata.isEmpty()) {
            document.put("metadata", metadata);
        }
    }

    private static boolean annotationValue(Object value) {
        return value instanceof String || value instanceof Number || value instanceof Boolean;
    }

    /** X-Ray keeps letters, digits and dots of an annotation key and writes {@code _} for anything else. */
    static String annotationKey(String key) {
        StringBuilder fixed = new StringBuilder(key.length());
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            boolean kept = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '.';
            fixed.append(kept ? c : '_');
        }
        return fixed.toString();
    }

    private static List<Object> links(List<LinkData> links) {
        List<Object> out = new ArrayList<>();
        for (LinkData link : links) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("trace_id", XrayIds.xrayTraceIdOf(link.getSpanContext().getTraceId()));
            entry.put("id", link.getSpanContext().getSpanId());
            if (!link.getAttributes().isEmpty()) {
                Map<String, Object> attributes = new LinkedHashMap<>();
                link.getAttributes().forEach((key, value) -> attributes.put(key.getKey(), value));
                entry.put("attributes", attributes);
            }
            out.add(entry);
        }
        return out;
    }

    static String string(Map<String, Object> attributes, String key) {
        return attributes.get(key) instanceof String value ? value : null;
    }

    static <T> T typed(Attributes attributes, AttributeKey<T> key) {
        return attributes.get(key);
    }
}
