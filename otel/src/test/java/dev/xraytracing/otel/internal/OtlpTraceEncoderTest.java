package dev.xraytracing.otel.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.exporter.internal.otlp.traces.TraceRequestMarshaler;
import io.opentelemetry.sdk.resources.Resource;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The daemon path's own OTLP encoding writes exactly the bytes the SDK's marshaler writes for the same spans as
 * {@code SpanData}, over seeded random documents. The SDK orders resources by hash, so the request is compared
 * resource by resource (each {@code ResourceSpans} byte for byte). The seed is printed; {@code -Dotel.seed=N}
 * replays a run.
 */
class OtlpTraceEncoderTest {
    private static final long SEED = Long.getLong("otel.seed", System.nanoTime());

    @Test
    void writesTheBytesOfTheSdksMarshalerForRandomDocuments() throws Exception {
        System.out.println("OtlpTraceEncoderTest seed " + SEED);
        Random random = new Random(SEED);
        RandomDocuments documents = new RandomDocuments(random);
        SpanFields resource = new SpanFields().put("service.name", "orders").put("cloud.provider", "aws")
                .put("faas.name", "orders-fn");
        Resource sdkResource = Resource.create(SpanRecords.attributes(resource));
        for (int i = 0; i < 500; i++) {
            String document = documents.next();
            List<SpanRecord> records = DocumentSpans.records(document);

            byte[] ours = OtlpTraceEncoder.encode(records, resource);

            ByteArrayOutputStream sdk = new ByteArrayOutputStream();
            TraceRequestMarshaler.create(SpanRecords.toSpanData(records, sdkResource)).writeBinaryTo(sdk);
            assertThat(hexOfEach(resourceSpans(ours)))
                    .as("seed %d, case %d: %s", SEED, i, document)
                    .containsExactlyInAnyOrderElementsOf(hexOfEach(resourceSpans(sdk.toByteArray())));
        }
    }

    @Test
    void aDocumentWithoutSpansIsAnEmptyRequest() {
        assertThat(OtlpTraceEncoder.encode(List.of(), new SpanFields())).isEmpty();
    }

    /** The request's top-level fields (each a {@code ResourceSpans}), as their raw bytes with tag and length. */
    private static List<byte[]> resourceSpans(byte[] request) {
        List<byte[]> fields = new ArrayList<>();
        int at = 0;
        while (at < request.length) {
            int start = at;
            assertThat(request[at++]).as("field 1, length-delimited").isEqualTo((byte) 0x0a);
            long length = 0;
            int shift = 0;
            byte b;
            do {
                b = request[at++];
                length |= (long) (b & 0x7f) << shift;
                shift += 7;
            } while (b < 0);
            at += (int) length;
            fields.add(Arrays.copyOfRange(request, start, at));
        }
        return fields;
    }

    private static List<String> hexOfEach(List<byte[]> fields) {
        return fields.stream().map(HexFormat.of()::formatHex).toList();
    }
}
