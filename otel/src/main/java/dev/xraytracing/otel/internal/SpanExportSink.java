package dev.xraytracing.otel.internal;

import dev.xraytracing.internal.emit.DocumentSink;
import dev.xraytracing.internal.log.WarnOnce;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The OpenTelemetry backend's end of the seam: each finished segment document becomes spans (see
 * {@link DocumentSpans}) handed to the exporter at once, and the export is waited for, so that every span has left
 * before the subsegment's close returns, as the X-Ray backend's datagram has: nothing is left in a queue when Lambda
 * freezes the environment. Never throws: what fails is logged once per kind.
 */
public final class SpanExportSink implements DocumentSink {
    /** How long one export may take before the traced code goes on without waiting (logged). */
    static final long EXPORT_WAIT_MILLIS = 2_000;

    private final SpanExporter exporter;
    private final Resource resource;
    private final WarnOnce warnings;
    private final Runnable release;

    public SpanExportSink(SpanExporter exporter, Resource resource, WarnOnce warnings, Runnable release) {
        this.exporter = exporter;
        this.resource = resource;
        this.warnings = warnings;
        this.release = release;
        initialiseTheConversion(resource, warnings);
    }

    /**
     * Converts a sample document now, on the builder's ordinary stack, so that the OpenTelemetry classes every
     * conversion uses are initialised here: a class whose static initialiser first runs inside a stack overflow of
     * traced recursion fails, and stays unusable for the JVM's life (docs/reliability.md).
     */
    private static void initialiseTheConversion(Resource resource, WarnOnce warnings) {
        try {
            DocumentSpans.of(DaemonSpanSink.SAMPLE_DOCUMENT, resource);
            CompletableResultCode.ofSuccess(); // for its class only: send() waits on one of these
        } catch (Exception | LinkageError failure) {
            warnings.warn("otel:convert:" + failure.getClass().getName(),
                    "could not turn a segment document into spans; documents may not be sent", failure);
        }
    }

    @Override
    public void send(String document) {
        List<SpanData> spans;
        try {
            spans = DocumentSpans.of(document, resource);
        } catch (Exception | LinkageError failure) {
            warnings.warn("otel:convert:" + failure.getClass().getName(),
                    "could not turn a segment document into spans; it was not sent", failure);
            return;
        }
        if (spans.isEmpty()) {
            return;
        }
        try {
            CompletableResultCode result = exporter.export(spans).join(EXPORT_WAIT_MILLIS, TimeUnit.MILLISECONDS);
            if (!result.isDone()) {
                warnings.warn("otel:slow", "the span exporter did not finish within " + EXPORT_WAIT_MILLIS
                        + " ms; the traced code went on (the spans may still arrive)");
            } else if (!result.isSuccess()) {
                warnings.warn("otel:failed", "the span exporter reported a failure; spans may be lost");
            }
        } catch (Exception | LinkageError failure) {
            warnings.warn("otel:export:" + failure.getClass().getName(), "the span exporter failed; spans lost",
                    failure);
        }
    }

    @Override
    public void release() {
        try {
            release.run();
        } catch (RuntimeException failure) {
            warnings.warn("otel:release", "could not close the span exporter's connection", failure);
        }
    }
}
