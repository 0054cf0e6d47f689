package dev.xraytracing.otel.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes spans as OTLP's {@code ExportTraceServiceRequest} in protobuf, the payload of AWS's X-Ray UDP span
 * exporter, for the daemon path: the SDK's span model and marshalers (a few hundred classes and tens of
 * milliseconds of a cold start) are not loaded for it. The bytes are those the SDK's {@code TraceRequestMarshaler}
 * writes for the same spans as {@code SpanData} ({@link SpanRecords}); {@code OtlpTraceEncoderTest} checks that byte
 * for byte over random documents, so the two cannot drift apart. Field numbers are those of opentelemetry-proto's
 * {@code trace.proto}, {@code common.proto} and {@code resource.proto}.
 */
final class OtlpTraceEncoder {
    private static final int VARINT = 0;
    private static final int FIXED64 = 1;
    private static final int LENGTH_DELIMITED = 2;
    private static final int FIXED32 = 5;
    /** The trace flags of a sampled span, with OTLP's "parent is remote" bit known (0x100) and maybe set (0x200). */
    private static final int SAMPLED_FLAGS = 0x01 | 0x100;
    private static final int REMOTE_PARENT_FLAG = 0x200;

    private OtlpTraceEncoder() {
    }

    /**
     * The request for {@code spans}: the spans of one resource together, a segment's span under {@code resource}
     * with its own {@code service.name}, every other under {@code resource}, all in the library's scope.
     */
    static byte[] encode(List<SpanRecord> spans, SpanFields resource) {
        Map<String, Out> byService = new LinkedHashMap<>(); // null for the spans under the resource as given
        for (SpanRecord span : spans) {
            Out group = byService.get(span.service()); // no lambda: each would be a class to spin up at cold start
            if (group == null) {
                group = new Out();
                byService.put(span.service(), group);
            }
            group.message(2, span(span)); // ScopeSpans.spans
        }
        Out request = new Out();
        for (Map.Entry<String, Out> group : byService.entrySet()) {
            SpanFields attributes = resource;
            if (group.getKey() != null) {
                attributes = new SpanFields().putAll(resource).put(SpanResources.SERVICE_NAME, group.getKey());
            }
            Out resourceMessage = new Out();
            keyValues(resourceMessage, 1, attributes); // Resource.attributes
            Out scope = new Out().string(1, SpanRecord.SCOPE_NAME); // InstrumentationScope.name
            Out scopeSpans = new Out().message(1, scope).append(group.getValue()); // ScopeSpans.scope, .spans
            Out resourceSpans = new Out().message(1, resourceMessage).message(2, scopeSpans);
            request.message(1, resourceSpans); // ExportTraceServiceRequest.resource_spans
        }
        return request.toByteArray();
    }

    private static Out span(SpanRecord span) {
        Out out = new Out()
                .bytes(1, hex(span.traceId()))
                .bytes(2, hex(span.spanId()));
        if (span.parentSpanId() != null) {
            out.bytes(4, hex(span.parentSpanId()));
        }
        out.string(5, span.name())
                .varintField(6, span.kind())
                .fixed64Field(7, span.startEpochNanos())
                .fixed64Field(8, span.endEpochNanos());
        keyValues(out, 9, span.attributes());
        for (SpanRecord.Event event : span.events()) {
            Out eventMessage = new Out().fixed64Field(1, event.epochNanos()).string(2, event.name());
            keyValues(eventMessage, 3, event.attributes());
            out.message(11, eventMessage);
        }
        for (SpanRecord.Link link : span.links()) {
            Out linkMessage = new Out().bytes(1, hex(link.traceId())).bytes(2, hex(link.spanId()));
            keyValues(linkMessage, 4, link.attributes());
            linkMessage.fixed32Field(6, SAMPLED_FLAGS | REMOTE_PARENT_FLAG); // a link's span is in another process
            out.message(13, linkMessage);
        }
        Out status = new Out().string(2, span.statusMessage()).varintField(3, span.error() ? 2 : 0); // 2: ERROR
        out.message(15, status);
        out.fixed32Field(16, SAMPLED_FLAGS | (span.parentRemote() ? REMOTE_PARENT_FLAG : 0));
        return out;
    }

    /** Each attribute as a {@code KeyValue} message in field {@code field}, in the fields' (sorted) order. */
    private static void keyValues(Out out, int field, SpanFields attributes) {
        for (Map.Entry<String, Object> entry : attributes.asMap().entrySet()) {
            out.message(field, new Out().string(1, entry.getKey()).message(2, anyValue(entry.getValue())));
        }
    }

    /** An {@code AnyValue}: one field of its oneof, written even when it holds the default (an empty string, 0). */
    private static Out anyValue(Object value) {
        Out out = new Out();
        if (value instanceof String text) {
            out.tag(1, LENGTH_DELIMITED).lengthAndBytes(utf8(text));
        } else if (value instanceof Boolean flag) {
            out.tag(2, VARINT).varint(flag ? 1 : 0);
        } else if (value instanceof Long number) {
            out.tag(3, VARINT).varint(number);
        } else if (value instanceof Double number) {
            out.tag(4, FIXED64).fixed64(Double.doubleToRawLongBits(number));
        } else if (value instanceof List<?> texts) {
            Out array = new Out();
            for (Object text : texts) {
                array.message(1, anyValue(String.valueOf(text))); // ArrayValue.values
            }
            out.message(5, array);
        }
        return out;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] hex(String hex) {
        byte[] bytes = new byte[hex.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Integer.parseInt(hex, 2 * i, 2 * i + 2, 16);
        }
        return bytes;
    }

    /**
     * A growing buffer of one protobuf message. The {@code ...Field} and {@link #string}/{@link #bytes} writers leave
     * out a field that holds its default, as proto3 does; {@link #message} always writes its field.
     */
    private static final class Out {
        private byte[] bytes = new byte[64];
        private int length;

        Out tag(int field, int wireType) {
            return varint(((long) field << 3) | wireType);
        }

        Out varint(long value) {
            while ((value & ~0x7FL) != 0) {
                put((byte) ((value & 0x7F) | 0x80));
                value >>>= 7;
            }
            return put((byte) value);
        }

        Out fixed64(long value) {
            for (int i = 0; i < 8; i++) {
                put((byte) (value >>> (8 * i)));
            }
            return this;
        }

        Out varintField(int field, long value) {
            return value == 0 ? this : tag(field, VARINT).varint(value);
        }

        Out fixed64Field(int field, long value) {
            return value == 0 ? this : tag(field, FIXED64).fixed64(value);
        }

        Out fixed32Field(int field, int value) {
            if (value == 0) {
                return this;
            }
            tag(field, FIXED32);
            for (int i = 0; i < 4; i++) {
                put((byte) (value >>> (8 * i)));
            }
            return this;
        }

        Out string(int field, String text) {
            return text == null || text.isEmpty() ? this : bytes(field, utf8(text));
        }

        Out bytes(int field, byte[] value) {
            return value.length == 0 ? this : tag(field, LENGTH_DELIMITED).lengthAndBytes(value);
        }

        Out message(int field, Out message) {
            tag(field, LENGTH_DELIMITED).varint(message.length);
            return append(message);
        }

        Out lengthAndBytes(byte[] value) {
            varint(value.length);
            ensure(value.length);
            System.arraycopy(value, 0, bytes, length, value.length);
            length += value.length;
            return this;
        }

        Out append(Out other) {
            ensure(other.length);
            System.arraycopy(other.bytes, 0, bytes, length, other.length);
            length += other.length;
            return this;
        }

        private Out put(byte value) {
            ensure(1);
            bytes[length++] = value;
            return this;
        }

        private void ensure(int more) {
            if (length + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
            }
        }

        byte[] toByteArray() {
            return Arrays.copyOf(bytes, length);
        }
    }
}
