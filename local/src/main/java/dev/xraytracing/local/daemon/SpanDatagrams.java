package dev.xraytracing.local.daemon;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.xraytracing.otel.internal.DocumentSpan;
import dev.xraytracing.otel.internal.SpanDocuments;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * The payload of an X-Ray UDP span exporter's datagram (after the daemon's header line): {@code T1S} and OTLP
 * protobuf in base64, read back into spans and turned into segment documents as X-Ray turns them
 * ({@link SpanDocuments}). {@code T1U}, unsampled spans, makes no trace in X-Ray and none here.
 */
final class SpanDatagrams {
    static final String SAMPLED = "T1S";
    static final String UNSAMPLED = "T1U";
    private static final HexFormat HEX = HexFormat.of();

    private SpanDatagrams() {
    }

    /** Whether {@code payload} is a span exporter's, sampled or not. */
    static boolean isSpans(String payload) {
        return payload.startsWith(SAMPLED) || payload.startsWith(UNSAMPLED);
    }

    /**
     * The segment documents of a sampled payload; none for an unsampled one.
     *
     * @throws IllegalArgumentException when the payload is not base64 OTLP
     */
    static List<String> documentsOf(String payload) {
        if (payload.startsWith(UNSAMPLED)) {
            return List.of();
        }
        byte[] bytes = Base64.getDecoder().decode(payload.substring(SAMPLED.length()).trim());
        ExportTraceServiceRequest request;
        try {
            request = ExportTraceServiceRequest.parseFrom(bytes);
        } catch (InvalidProtocolBufferException notOtlp) {
            throw new IllegalArgumentException("not an OTLP trace request: " + notOtlp.getMessage(), notOtlp);
        }
        return SpanDocuments.of(spans(request));
    }

    static List<SpanData> spans(ExportTraceServiceRequest request) {
        List<SpanData> spans = new ArrayList<>();
        for (ResourceSpans resourceSpans : request.getResourceSpansList()) {
            Resource resource = Resource.create(attributes(resourceSpans.getResource().getAttributesList()));
            for (ScopeSpans scope : resourceSpans.getScopeSpansList()) {
                for (Span span : scope.getSpansList()) {
                    spans.add(span(span, resource));
                }
            }
        }
        return spans;
    }

    private static SpanData span(Span span, Resource resource) {
        String traceId = HEX.formatHex(span.getTraceId().toByteArray());
        SpanContext own = SpanContext.create(traceId, HEX.formatHex(span.getSpanId().toByteArray()),
                TraceFlags.getSampled(), TraceState.getDefault());
        SpanContext parent = span.getParentSpanId().isEmpty() ? SpanContext.getInvalid()
                : SpanContext.createFromRemoteParent(traceId, HEX.formatHex(span.getParentSpanId().toByteArray()),
                        TraceFlags.getSampled(), TraceState.getDefault());
        List<EventData> events = new ArrayList<>();
        for (Span.Event event : span.getEventsList()) {
            events.add(EventData.create(event.getTimeUnixNano(), event.getName(),
                    attributes(event.getAttributesList())));
        }
        List<LinkData> links = new ArrayList<>();
        for (Span.Link link : span.getLinksList()) {
            links.add(LinkData.create(SpanContext.createFromRemoteParent(HEX.formatHex(link.getTraceId().toByteArray()),
                    HEX.formatHex(link.getSpanId().toByteArray()), TraceFlags.getSampled(), TraceState.getDefault()),
                    attributes(link.getAttributesList())));
        }
        return new DocumentSpan(span.getName(), kind(span.getKind()), own, parent, status(span.getStatus()),
                span.getStartTimeUnixNano(), span.getEndTimeUnixNano(), attributes(span.getAttributesList()),
                events, links, resource);
    }

    private static StatusData status(io.opentelemetry.proto.trace.v1.Status status) {
        return switch (status.getCode()) {
            case STATUS_CODE_ERROR -> StatusData.create(StatusCode.ERROR, status.getMessage());
            case STATUS_CODE_OK -> StatusData.ok();
            default -> StatusData.unset();
        };
    }

    private static SpanKind kind(Span.SpanKind kind) {
        return switch (kind) {
            case SPAN_KIND_SERVER -> SpanKind.SERVER;
            case SPAN_KIND_CLIENT -> SpanKind.CLIENT;
            case SPAN_KIND_PRODUCER -> SpanKind.PRODUCER;
            case SPAN_KIND_CONSUMER -> SpanKind.CONSUMER;
            default -> SpanKind.INTERNAL;
        };
    }

    private static Attributes attributes(List<KeyValue> pairs) {
        AttributesBuilder attributes = Attributes.builder();
        for (KeyValue pair : pairs) {
            AnyValue value = pair.getValue();
            switch (value.getValueCase()) {
                case STRING_VALUE -> attributes.put(pair.getKey(), value.getStringValue());
                case BOOL_VALUE -> attributes.put(pair.getKey(), value.getBoolValue());
                case INT_VALUE -> attributes.put(pair.getKey(), value.getIntValue());
                case DOUBLE_VALUE -> attributes.put(pair.getKey(), value.getDoubleValue());
                case ARRAY_VALUE -> attributes.put(AttributeKey.stringArrayKey(pair.getKey()),
                        value.getArrayValue().getValuesList().stream().map(SpanDatagrams::text).toList());
                default -> attributes.put(pair.getKey(), text(value));
            }
        }
        return attributes.build();
    }

    private static String text(AnyValue value) {
        return switch (value.getValueCase()) {
            case STRING_VALUE -> value.getStringValue();
            case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
            case INT_VALUE -> Long.toString(value.getIntValue());
            case DOUBLE_VALUE -> Double.toString(value.getDoubleValue());
            case BYTES_VALUE -> Base64.getEncoder().encodeToString(value.getBytesValue().toByteArray());
            default -> value.toString();
        };
    }
}
