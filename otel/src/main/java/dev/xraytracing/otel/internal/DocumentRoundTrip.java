package dev.xraytracing.otel.internal;

import dev.xraytracing.internal.log.WarnOnce;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The test kit's OpenTelemetry backend, found by name: a tracer's documents become spans, which an in-memory
 * exporter turns back into documents the way X-Ray would, so the kit's assertions read what X-Ray would show for an
 * OpenTelemetry-backed function.
 */
public final class DocumentRoundTrip implements UnaryOperator<Consumer<String>> {
    @Override
    public Consumer<String> apply(Consumer<String> documents) {
        SpanExporter inMemory = new SpanExporter() {
            @Override
            public CompletableResultCode export(Collection<SpanData> spans) {
                SpanDocuments.of(new ArrayList<>(spans)).forEach(documents);
                return CompletableResultCode.ofSuccess();
            }

            @Override
            public CompletableResultCode flush() {
                return CompletableResultCode.ofSuccess();
            }

            @Override
            public CompletableResultCode shutdown() {
                return CompletableResultCode.ofSuccess();
            }
        };
        Resource resource = SpanResources.fromEnvironment();
        return new SpanExportSink(inMemory, resource, new WarnOnce(), () -> { })::send;
    }
}
