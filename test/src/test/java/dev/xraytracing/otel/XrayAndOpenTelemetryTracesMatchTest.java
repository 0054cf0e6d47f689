package dev.xraytracing.otel;

import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.xraytracing.Tracing;
import dev.xraytracing.fakes.FakeAws;
import dev.xraytracing.lambda.TracedHandler;
import dev.xraytracing.lambda.testing.Invocation;
import dev.xraytracing.lambda.testing.LambdaInvoker;
import dev.xraytracing.lambda.testing.TestContext;
import dev.xraytracing.otel.internal.DocumentRoundTrip;
import dev.xraytracing.testing.BackendComparison;
import dev.xraytracing.testing.SegmentDocumentSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The same traced handler on both backends: what X-Ray shows for the OpenTelemetry backend's spans (converted as the
 * Collector's X-Ray exporter converts them) matches the X-Ray backend's documents entity by entity and field by
 * field ({@link BackendComparison#assertSameTrace}), except where docs/opentelemetry.md says X-Ray cannot read the
 * difference from a span.
 */
class XrayAndOpenTelemetryTracesMatchTest {
    @RegisterExtension
    final FakeAws aws = FakeAws.start();

    @Test
    void aTracedHandlerWithSubsAnnotationsMetadataFailuresAndSdkCallsLooksTheSameOnBothBackends() throws Exception {
        aws.json(200, "{\"Item\":{\"id\":{\"S\":\"42\"}}}");
        var dynamo = aws.dynamoDb();
        var handler = TracedHandler.<String, String>of((input, context) -> {
            Tracing.annotate("Customer", input);
            Tracing.run("LoadOrder", load -> {
                load.annotate("OrderId", 42).annotate("Express", true).metadata("order", Map.of("lines", 3));
                dynamo.getItem(r -> r.tableName("orders").key(Map.of("id", AttributeValue.fromS("42"))));
            });
            Tracing.run("Charge", charge -> charge.status(503).metadata("payments", "attempt", 1));
            Tracing.run("Notify", notify -> notify.status(404));
            try {
                Tracing.run("Validate", validate -> {
                    throw new IllegalStateException("no stock", new IllegalArgumentException("sku 7"));
                });
            } catch (IllegalStateException expected) {
                // recorded on Validate, handled here
            }
            return "ok";
        });

        assumeFalse("opentelemetry".equals(System.getProperty("xraytracing.backend")),
                "the kit itself is on the OpenTelemetry backend: there is no X-Ray trace to compare with");
        Invocation<String> invocation = LambdaInvoker.of(handler)
                .withContext(TestContext.forFunction("orders").withRequestId("req-7")).invoke("ada");
        List<String> xray = invocation.documents();
        List<String> openTelemetry = new ArrayList<>();
        var backend = new DocumentRoundTrip().apply(openTelemetry::add);
        xray.forEach(backend);

        SegmentDocumentSchema.assertValid(openTelemetry);
        BackendComparison.assertSameTrace(xray, openTelemetry);
    }
}
