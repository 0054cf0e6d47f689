package dev.xraytracing.otel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xraytracing.otel.internal.DocumentSpans;
import dev.xraytracing.otel.internal.TestDaemon;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The datagrams are what AWS's X-Ray UDP span exporter sends, and what its own tests expect of them. */
class XrayUdpSpanExporterTest {
    private static final String HEADER = "{\"format\": \"json\", \"version\": 1}\n";

    @Test
    void aDatagramIsTheDaemonHeaderThenT1SThenTheSpansAsBase64Otlp() throws Exception {
        try (TestDaemon daemon = new TestDaemon()) {
            XrayUdpSpanExporter exporter = XrayUdpSpanExporter.toDaemon(daemon.address());

            assertThat(exporter.export(spans(1, "")).isSuccess()).isTrue();

            String datagram = receive(daemon);
            assertThat(datagram).startsWith(HEADER + "T1S");
            ExportTraceServiceRequest request = decode(datagram);
            Span span = request.getResourceSpans(0).getScopeSpans(0).getSpans(0);
            assertThat(span.getName()).isEqualTo("Work0");
            assertThat(HexFormat.of().formatHex(span.getSpanId().toByteArray())).isEqualTo("70de5b6f19ff9a00");
            assertThat(HexFormat.of().formatHex(span.getTraceId().toByteArray()))
                    .isEqualTo("5759e988bd862e3fe1be46a994272793");
        }
    }

    @Test
    void aBatchTooLargeForOneDatagramIsSplitAndEverySpanArrives() throws Exception {
        try (TestDaemon daemon = new TestDaemon()) {
            XrayUdpSpanExporter exporter = XrayUdpSpanExporter.toDaemon(daemon.address());

            assertThat(exporter.export(spans(40, "x".repeat(4000))).isSuccess()).isTrue();

            List<String> names = new ArrayList<>();
            int datagrams = 0;
            String datagram;
            while ((datagram = daemon.receiveOrNull()) != null) {
                datagrams++;
                assertThat(datagram.length()).isLessThanOrEqualTo(64 * 1024);
                decode(datagram).getResourceSpans(0).getScopeSpans(0).getSpansList()
                        .forEach(span -> names.add(span.getName()));
                if (names.size() == 40) {
                    break;
                }
            }
            assertThat(datagrams).isGreaterThan(1);
            assertThat(names).hasSize(40).doesNotHaveDuplicates();
        }
    }

    @Test
    void afterShutdownNothingIsSentAndTheExportSaysSo() throws Exception {
        try (TestDaemon daemon = new TestDaemon()) {
            XrayUdpSpanExporter exporter = XrayUdpSpanExporter.toDaemon(daemon.address());
            exporter.shutdown();

            assertThat(exporter.export(spans(2, "")).isSuccess()).isFalse();
            XrayUdpSpanExporter.toDaemon(daemon.address()).export(spans(1, "")); // queues behind anything sent
            assertThat(decode(receive(daemon)).getResourceSpans(0).getScopeSpans(0).getSpansCount())
                    .as("the first datagram is the second exporter's").isEqualTo(1);
        }
    }

    /** {@code count} subsegments of one trace, each with a metadata value of {@code padding}. */
    private static List<SpanData> spans(int count, String padding) throws Exception {
        StringBuilder children = new StringBuilder();
        for (int i = 0; i < count; i++) {
            children.append(i == 0 ? "" : ",").append(String.format("{\"name\":\"Work%d\",\"id\":\"70de5b6f19ff9a%02x\","
                    + "\"start_time\":1.5e9,\"end_time\":1.5e9,\"metadata\":{\"default\":{\"pad\":\"%s\"}}}",
                    i, i, padding));
        }
        String document = "{\"name\":\"## handleRequest\",\"id\":\"70de5b6f19ff9aff\",\"type\":\"subsegment\","
                + "\"parent_id\":\"53995c3f42cd8ad8\",\"trace_id\":\"1-5759e988-bd862e3fe1be46a994272793\","
                + "\"start_time\":1.5e9,\"end_time\":1.5e9,\"subsegments\":[" + children + "]}";
        List<SpanData> all = DocumentSpans.of(document, Resource.empty());
        return all.subList(1, all.size());
    }

    private static ExportTraceServiceRequest decode(String datagram) throws Exception {
        String payload = datagram.substring(HEADER.length() + "T1S".length());
        return ExportTraceServiceRequest.parseFrom(Base64.getDecoder().decode(payload));
    }

    private static String receive(TestDaemon daemon) throws Exception {
        String datagram = daemon.receiveOrNull();
        assertThat(datagram).as("a datagram within 10 s").isNotNull();
        return datagram;
    }
}
