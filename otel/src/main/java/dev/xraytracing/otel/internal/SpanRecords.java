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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@link SpanRecord}s as the SDK's {@code SpanData}, for an exporter the user configures. */
final class SpanRecords {
    private static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey(SpanResources.SERVICE_NAME);

    private SpanRecords() {
    }

    /** Each record as {@code SpanData} with {@code resource}; a segment's with its own {@code service.name}. */
    static List<SpanData> toSpanData(List<SpanRecord> records, Resource resource) {
        List<SpanData> spans = new ArrayList<>(records.size());
        for (SpanRecord record : records) {
            spans.add(toSpanData(record, resource));
        }
        return spans;
    }

    private static SpanData toSpanData(SpanRecord record, Resource resource) {
        SpanContext own = SpanContext.create(record.traceId(), record.spanId(), TraceFlags.getSampled(),
                TraceState.getDefault());
        SpanContext parent = record.parentSpanId() == null ? SpanContext.getInvalid()
                : record.parentRemote() ? SpanContext.createFromRemoteParent(record.traceId(), record.parentSpanId(),
                        TraceFlags.getSampled(), TraceState.getDefault())
                : SpanContext.create(record.traceId(), record.parentSpanId(), TraceFlags.getSampled(),
                        TraceState.getDefault());
        List<EventData> events = new ArrayList<>(record.events().size());
        for (SpanRecord.Event event : record.events()) {
            events.add(EventData.create(event.epochNanos(), event.name(), attributes(event.attributes())));
        }
        List<LinkData> links = new ArrayList<>(record.links().size());
        for (SpanRecord.Link link : record.links()) {
            links.add(LinkData.create(SpanContext.createFromRemoteParent(link.traceId(), link.spanId(),
                    TraceFlags.getSampled(), TraceState.getDefault()), attributes(link.attributes())));
        }
        StatusData status = record.error() ? StatusData.create(StatusCode.ERROR, record.statusMessage())
                : StatusData.unset();
        return new DocumentSpan(record.name(), kind(record.kind()), own, parent, status, record.startEpochNanos(),
                record.endEpochNanos(), attributes(record.attributes()), events, links,
                record.service() == null ? resource
                        : resource.merge(Resource.create(Attributes.of(SERVICE_NAME, record.service()))));
    }

    private static SpanKind kind(int kind) {
        return switch (kind) {
            case SpanRecord.SERVER -> SpanKind.SERVER;
            case SpanRecord.CLIENT -> SpanKind.CLIENT;
            default -> SpanKind.INTERNAL;
        };
    }

    @SuppressWarnings("unchecked")
    static Attributes attributes(SpanFields fields) {
        AttributesBuilder builder = Attributes.builder();
        for (Map.Entry<String, Object> entry : fields.asMap().entrySet()) {
            String key = entry.getKey();
            Object value = entry.getValue();
            if (value instanceof String text) {
                builder.put(key, text);
            } else if (value instanceof Long number) {
                builder.put(key, number.longValue());
            } else if (value instanceof Double number) {
                builder.put(key, number.doubleValue());
            } else if (value instanceof Boolean flag) {
                builder.put(key, flag.booleanValue());
            } else if (value instanceof List<?> texts) {
                builder.put(AttributeKey.stringArrayKey(key), (List<String>) texts);
            }
        }
        return builder.build();
    }
}
