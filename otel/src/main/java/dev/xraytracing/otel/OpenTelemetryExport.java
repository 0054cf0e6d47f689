package dev.xraytracing.otel;

import dev.xraytracing.internal.log.WarnOnce;
import dev.xraytracing.otel.internal.SpanExportSink;
import dev.xraytracing.otel.internal.SpanResources;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Sends a tracer's trace as OpenTelemetry spans to an exporter of your choice (OTLP to a Collector, X-Ray's OTLP
 * endpoint, Jaeger, Tempo, or an in-memory one in tests). One builder line:
 *
 * <pre>{@code
 * Tracer.setDefault(Tracer.builder()
 *         .documents(OpenTelemetryExport.to(OtlpHttpSpanExporter.getDefault()))
 *         .build());
 * }</pre>
 *
 * <p>In Lambda no code is needed: with this module on the class path and {@code XRAY_TRACING_BACKEND=opentelemetry}
 * the default tracer sends spans to Lambda's daemon in the X-Ray UDP span exporter's format ({@link XrayUdpSpanExporter}). Each finished document's
 * spans are exported at once and waited for (at most two seconds), so nothing waits in a queue when the environment
 * freezes.
 */
public final class OpenTelemetryExport {
    private OpenTelemetryExport() {
    }

    /** Documents in, spans out to {@code exporter}, with the resource the environment describes. */
    public static Consumer<String> to(SpanExporter exporter) {
        return to(exporter, SpanResources.fromEnvironment());
    }

    /** The same with your own resource (its {@code service.name} names the service). */
    public static Consumer<String> to(SpanExporter exporter, Resource resource) {
        SpanExportSink sink = new SpanExportSink(Objects.requireNonNull(exporter, "exporter"),
                Objects.requireNonNull(resource, "resource"), new WarnOnce(), () -> { });
        return sink::send;
    }
}
