package dev.xraytracing.local;

import static dev.xraytracing.testing.TracingAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.xraytracing.Tracer;
import dev.xraytracing.Tracing;
import dev.xraytracing.lambda.TracedHandler;
import dev.xraytracing.lambda.testing.Invocation;
import dev.xraytracing.lambda.testing.LambdaInvoker;
import dev.xraytracing.local.daemon.LocalXrayDaemon;
import dev.xraytracing.otel.OpenTelemetryExport;
import dev.xraytracing.otel.XrayUdpSpanExporter;
import dev.xraytracing.otel.internal.DocumentRoundTrip;
import dev.xraytracing.testing.SegmentDocumentSchema;
import dev.xraytracing.trace.RecordedTrace;
import dev.xraytracing.trace.TraceDocuments;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The local daemon reads what AWS's X-Ray UDP span exporter sends ({@code T1S} and base64 OTLP after the daemon's
 * header) and keeps the segment documents X-Ray would make of the spans, so the waterfall, the console and the
 * filters show an OpenTelemetry-backed function as they show an X-Ray-backed one.
 */
class LocalDaemonReadsOpenTelemetrySpansTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void spansSentOverUdpBecomeTheDocumentsXRayWouldMakeOfThem() throws Exception {
        Invocation<String> invocation = LambdaInvoker.of(TracedHandler.<String, String>of((input, context) -> {
            Tracing.run("LoadOrder", load -> load.annotate("OrderId", 42).metadata("order", "lines", 3));
            Tracing.run("Charge", charge -> charge.status(503));
            return input;
        })).invoke("ada");
        List<String> expected = new ArrayList<>();
        Consumer<String> inMemory = new DocumentRoundTrip().apply(expected::add);
        invocation.documents().forEach(inMemory);

        try (LocalXrayDaemon daemon = LocalXrayDaemon.start()) {
            Consumer<String> overUdp = OpenTelemetryExport.to(XrayUdpSpanExporter.toDaemon(daemon.address()));
            invocation.documents().forEach(overUdp);
            assertThat(daemon.awaitSentSoFar(Duration.ofSeconds(10))).isTrue();

            assertThat(daemon.rejected()).isEmpty();
            SegmentDocumentSchema.assertValid(daemon.documents());
            assertThat(withoutExceptionIds(daemon.documents())).isEqualTo(withoutExceptionIds(expected));
            RecordedTrace trace = TraceDocuments.assemble(daemon.documents()).get(0);
            assertThat(trace).subsegment("LoadOrder").hasAnnotation("OrderId", 42);
            assertThat(trace).subsegment("Charge").isFault();
        }
    }

    @Test
    void aTraceStartedHereReachesTheDaemonAsASegmentWithItsSubsegments() {
        try (LocalXrayDaemon daemon = LocalXrayDaemon.start()) {
            Tracer tracer = Tracer.builder()
                    .documents(OpenTelemetryExport.to(XrayUdpSpanExporter.toDaemon(daemon.address()))).build();
            try (Tracer.Scope current = tracer.makeCurrent()) {
                Tracing.segment("checkout", segment -> {
                    Tracing.run("Reserve", reserve -> reserve.annotate("Sku", "7"));
                    return "reserved";
                });
            }
            assertThat(daemon.awaitSentSoFar(Duration.ofSeconds(10))).isTrue();

            SegmentDocumentSchema.assertValid(daemon.documents());
            assertThat(TraceDocuments.assemble(daemon.documents())).singleElement().satisfies(trace ->
                    assertThat(trace).subsegment("Reserve").hasAnnotation("Sku", "7"));
        }
    }

    /** Exception ids are X-Ray's to give when it reads an exception event: they differ on every conversion. */
    private static List<String> withoutExceptionIds(List<String> documents) throws Exception {
        List<String> stripped = new ArrayList<>();
        for (String document : documents) {
            ObjectNode tree = (ObjectNode) JSON.readTree(document);
            tree.path("cause").path("exceptions").forEach(exception -> {
                ((ObjectNode) exception).remove("id");
                ((ObjectNode) exception).remove("cause");
            });
            stripped.add(tree.toString());
        }
        return stripped;
    }
}
