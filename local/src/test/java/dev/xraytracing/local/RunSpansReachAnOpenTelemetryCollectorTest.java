package dev.xraytracing.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.xraytracing.Tracer;
import dev.xraytracing.Tracing;
import dev.xraytracing.local.daemon.LocalXrayDaemon;
import dev.xraytracing.local.internal.otlp.OtlpForwarding;
import dev.xraytracing.otel.OpenTelemetryExport;
import dev.xraytracing.otel.XrayUdpSpanExporter;
import dev.xraytracing.otel.internal.XrayIds;
import dev.xraytracing.testing.SegmentDocumentSchema;
import io.opentelemetry.exporter.otlp.internal.HttpExporter;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code LocalRun --otlp}: every segment document of the run reaches an OpenTelemetry Collector as spans with the same
 * trace ids, span ids, parents and names; a Collector that is not there, or refuses, costs one warning line and
 * never the run. The Collector here is a stand-in on 127.0.0.1 that decodes what it receives with OTLP's own
 * protobuf classes.
 */
class RunSpansReachAnOpenTelemetryCollectorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();

    @TempDir
    Path dir;

    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    final List<ExportTraceServiceRequest> received = new CopyOnWriteArrayList<>();
    final List<String> contentTypes = new CopyOnWriteArrayList<>();
    HttpServer collector;
    final Logger exporterLogger = Logger.getLogger(HttpExporter.class.getName());
    final List<LogRecord> exporterLog = new CopyOnWriteArrayList<>();
    final Handler recorder = new Handler() {
        @Override
        public void publish(LogRecord record) {
            exporterLog.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @AfterEach
    void stopCollector() {
        exporterLogger.removeHandler(recorder);
        if (collector != null) {
            collector.stop(0);
        }
    }

    @Test
    void every_document_of_the_run_arrives_as_spans_with_the_same_ids_parents_and_names() throws Exception {
        String endpoint = startCollector(200);
        Path documents = dir.resolve("documents.jsonl");

        int exit = run("--documents", documents.toString(), "--otlp", endpoint);

        assertThat(exit).as(output()).isZero();
        List<String> sent = Files.readAllLines(documents).stream().filter(line -> !line.isBlank()).toList();
        SegmentDocumentSchema.assertValid(sent);
        List<SpanKey> expected = spansOf(sent);
        assertThat(expected).as("the run's entities").hasSizeGreaterThan(4);
        assertThat(receivedSpans()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(contentTypes).isNotEmpty().allSatisfy(type -> assertThat(type).isEqualTo("application/x-protobuf"));
        assertThat(output()).contains("xray-tracing-local: forwarded " + expected.size() + " spans to " + endpoint
                + "/v1/traces").doesNotContain("WARNING");
    }

    @Test
    void documents_the_daemon_made_of_an_opentelemetry_backed_functions_spans_are_forwarded_too() throws Exception {
        String endpoint = startCollector(200);
        List<String> lines = new CopyOnWriteArrayList<>();
        List<String> documents;
        try (LocalXrayDaemon daemon = LocalXrayDaemon.start();
             OtlpForwarding forwarding = OtlpForwarding.start(endpoint, lines::add)) {
            daemon.addListener(forwarding);
            Consumer<String> spansOverUdp = OpenTelemetryExport.to(XrayUdpSpanExporter.toDaemon(daemon.address()));
            try (Tracer.Scope current = Tracer.builder().documents(spansOverUdp).build().makeCurrent()) {
                String reserved = Tracing.segment("checkout", segment -> Tracing.sub("Reserve", reserve -> "sku-7"));
                assertThat(reserved).isEqualTo("sku-7");
            }
            assertThat(daemon.awaitSentSoFar(Duration.ofSeconds(10))).isTrue();
            documents = daemon.documents();
        }

        SegmentDocumentSchema.assertValid(documents);
        assertThat(receivedSpans()).extracting(SpanKey::name).containsExactlyInAnyOrder("checkout", "Reserve");
        assertThat(receivedSpans()).containsExactlyInAnyOrderElementsOf(spansOf(documents));
        assertThat(lines).containsExactly("xray-tracing-local: forwarded 2 spans to " + endpoint + "/v1/traces");
    }

    @Test
    void a_collector_that_is_not_there_costs_one_warning_and_the_run_passes_even_when_quiet() throws Exception {
        String endpoint = "http://127.0.0.1:" + freePort();
        exporterLogger.addHandler(recorder);

        int exit = run("--otlp", endpoint, "--quiet");

        assertThat(exit).as(output()).isZero();
        assertThat(warnings()).as("the first failure, then the count").hasSize(2);
        assertThat(warnings().get(0))
                .startsWith("xray-tracing-local: WARNING: the OpenTelemetry Collector at " + endpoint
                        + "/v1/traces did not take ")
                .contains("ConnectException");
        assertThat(warnings().get(1)).matches(
                "xray-tracing-local: WARNING: forwarded 0 spans to \\S+; [1-9][0-9]* not taken by the Collector");
        assertThat(output()).doesNotContain("\tat ");
        assertThat(exporterLog).as("the exporter's own SEVERE line and stack trace").isEmpty();
    }

    @Test
    void a_collector_that_refuses_costs_one_warning_naming_its_answer_and_the_run_passes() throws Exception {
        String endpoint = startCollector(400);
        exporterLogger.addHandler(recorder);

        int exit = run("--otlp", endpoint + "/");

        assertThat(exit).as(output()).isZero();
        assertThat(warnings()).hasSize(2).first().asString().contains("HTTP status code 400");
        assertThat(output()).containsPattern("forwarded 0 spans to \\S+; [1-9][0-9]* not taken by the Collector");
        assertThat(exporterLog).isEmpty();
    }

    @Test
    void grpc_is_refused_on_the_command_line_in_one_line() {
        int exit = LocalRun.run(out, "--otlp", "http://127.0.0.1:4317");

        assertThat(exit).isEqualTo(2);
        assertThat(output()).startsWith("xray-tracing-local: --otlp http://127.0.0.1:4317 names OTLP/gRPC (port"
                + " 4317), which is not supported");
    }

    private int run(String... options) {
        List<String> args = new ArrayList<>(List.of("--requests", "2", "--runtime", "java",
                "--html", dir.resolve("report.html").toString(),
                "--first", "Front=dev.xraytracing.local.handlers.FrontHandler",
                "--second", "Back=dev.xraytracing.local.handlers.BackHandler"));
        args.addAll(List.of(options));
        return LocalRun.run(out, args.toArray(String[]::new));
    }

    private String output() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private List<String> warnings() {
        return output().lines().filter(line -> line.contains("WARNING")).toList();
    }

    /** A Collector stand-in: takes OTLP/HTTP protobuf at /v1/traces and answers {@code status}. */
    private String startCollector(int status) throws IOException {
        collector = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        collector.createContext("/v1/traces", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            contentTypes.add(exchange.getRequestHeaders().getFirst("Content-Type"));
            byte[] answer;
            if (status == 200) {
                received.add(ExportTraceServiceRequest.parseFrom(body));
                answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
                exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            } else {
                answer = "not today".getBytes(StandardCharsets.UTF_8);
            }
            exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        collector.start();
        return "http://127.0.0.1:" + collector.getAddress().getPort();
    }

    private List<SpanKey> receivedSpans() {
        List<SpanKey> spans = new ArrayList<>();
        for (ExportTraceServiceRequest request : received) {
            for (ResourceSpans resource : request.getResourceSpansList()) {
                for (ScopeSpans scope : resource.getScopeSpansList()) {
                    for (Span span : scope.getSpansList()) {
                        spans.add(new SpanKey(HEX.formatHex(span.getTraceId().toByteArray()),
                                HEX.formatHex(span.getSpanId().toByteArray()),
                                HEX.formatHex(span.getParentSpanId().toByteArray()), span.getName()));
                    }
                }
            }
        }
        return spans;
    }

    /** Every finished entity of the documents: its trace, id, parent (the enclosing entity's, or its parent_id). */
    private static List<SpanKey> spansOf(List<String> documents) throws IOException {
        List<SpanKey> spans = new ArrayList<>();
        for (String document : documents) {
            JsonNode entity = JSON.readTree(document);
            add(spans, XrayIds.traceIdOf(entity.path("trace_id").asText()), entity,
                    entity.path("parent_id").asText(""));
        }
        return spans;
    }

    private static void add(List<SpanKey> spans, String traceId, JsonNode entity, String parent) {
        if (entity.path("in_progress").asBoolean(false)) {
            return;
        }
        String id = entity.path("id").asText();
        spans.add(new SpanKey(traceId, id, parent, entity.path("name").asText()));
        for (JsonNode child : entity.path("subsegments")) {
            add(spans, traceId, child, id);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    record SpanKey(String traceId, String spanId, String parentId, String name) {
    }
}
