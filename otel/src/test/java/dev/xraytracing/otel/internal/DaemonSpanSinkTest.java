package dev.xraytracing.otel.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xraytracing.internal.emit.DocumentSink;
import dev.xraytracing.internal.log.WarnOnce;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The backend chosen with {@code XRAY_TRACING_BACKEND=opentelemetry} sends each document's spans to the daemon. */
class DaemonSpanSinkTest {
    private static final String HEADER = "{\"format\": \"json\", \"version\": 1}\n";

    @Test
    void aDocumentTooLargeForOneDatagramArrivesInSeveralWithEverySpan() throws Exception {
        try (TestDaemon daemon = new TestDaemon()) {
            DocumentSink sink = new DaemonSpanSinks().apply(daemon.address(), new WarnOnce());

            sink.send(document(40, "x".repeat(4000)));

            List<String> names = new ArrayList<>();
            int datagrams = 0;
            String datagram;
            while (names.size() < 41 && (datagram = daemon.receiveOrNull()) != null) {
                datagrams++;
                assertThat(datagram).startsWith(HEADER + "T1S");
                assertThat(datagram.length()).isLessThanOrEqualTo(64 * 1024);
                ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(
                        Base64.getDecoder().decode(datagram.substring(HEADER.length() + 3)));
                request.getResourceSpansList().forEach(resource -> resource.getScopeSpansList()
                        .forEach(scope -> scope.getSpansList().forEach(span -> names.add(span.getName()))));
            }
            assertThat(datagrams).isGreaterThan(1);
            assertThat(names).hasSize(41).doesNotHaveDuplicates().contains("## handleRequest", "Work0", "Work39");
        }
    }

    @Test
    void aDocumentThatIsNotOneIsLoggedNeverThrown() {
        DocumentSink sink = new DaemonSpanSinks().apply(new InetSocketAddress(InetAddress.getLoopbackAddress(), 9),
                new WarnOnce());

        sink.send("{\"name\":");
        sink.send("[]");
        sink.release();
    }

    @Test
    void preparingOpensTheSocketAndSendsNothing() throws Exception {
        List<String> sent = new ArrayList<>();
        List<String> prepared = new ArrayList<>();
        DocumentSink datagrams = new DocumentSink() {
            @Override
            public void send(String document) {
                sent.add(document);
            }

            @Override
            public void prepare() {
                prepared.add("socket");
            }
        };
        DocumentSink sink = DaemonSpanSinks.over(datagrams, new WarnOnce());

        sink.prepare();

        assertThat(DocumentSpans.records(DaemonSpanSink.SAMPLE_DOCUMENT)).extracting(SpanRecord::name)
                .as("the sample is a document the backend reads in full").containsExactly("warm-up", "Lambda");
        assertThat(sent).isEmpty();
        assertThat(prepared).containsExactly("socket");
        sink.send(DaemonSpanSink.SAMPLE_DOCUMENT);
        assertThat(sent).as("the next send goes out as before").singleElement().asString().startsWith("T1S");
    }

    /** A subsegment with {@code count} children, each with a metadata value of {@code padding}. */
    private static String document(int count, String padding) {
        StringBuilder children = new StringBuilder();
        for (int i = 0; i < count; i++) {
            children.append(i == 0 ? "" : ",").append(String.format("{\"name\":\"Work%d\",\"id\":\"70de5b6f19ff9a%02x\","
                    + "\"start_time\":1.5e9,\"end_time\":1.5e9,\"metadata\":{\"default\":{\"pad\":\"%s\"}}}",
                    i, i, padding));
        }
        return "{\"name\":\"## handleRequest\",\"id\":\"70de5b6f19ff9aff\",\"type\":\"subsegment\","
                + "\"parent_id\":\"53995c3f42cd8ad8\",\"trace_id\":\"1-5759e988-bd862e3fe1be46a994272793\","
                + "\"start_time\":1.5e9,\"end_time\":1.5e9,\"subsegments\":[" + children + "]}";
    }
}
