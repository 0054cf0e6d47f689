package dev.xraytracing.otel.internal;

import dev.xraytracing.internal.emit.DocumentSink;
import dev.xraytracing.internal.emit.UdpSink;
import dev.xraytracing.internal.log.WarnOnce;
import java.util.Base64;
import java.util.List;

/**
 * The OpenTelemetry backend in Lambda: each finished segment document goes to the daemon as spans in the X-Ray UDP
 * span exporter's format, encoded straight from the document ({@link DocumentSpans#records},
 * {@link OtlpTraceEncoder}) without the SDK's span model, and sent before the subsegment's close returns, as the
 * X-Ray backend's datagram is. Never throws: what fails is logged once per kind.
 */
final class DaemonSpanSink implements DocumentSink, DaemonPayloads.Encoder<SpanRecord> {
    private final DocumentSink datagrams;
    private final WarnOnce warnings;
    private final SpanFields resource;

    /** @param datagrams where each datagram's payload goes: a {@link UdpSink} to the daemon */
    DaemonSpanSink(DocumentSink datagrams, WarnOnce warnings, SpanFields resource) {
        this.datagrams = datagrams;
        this.warnings = warnings;
        this.resource = resource;
    }

    @Override
    public void send(String document) {
        try {
            DaemonPayloads.send(DocumentSpans.records(document), this, datagrams, warnings);
        } catch (Exception | LinkageError failure) {
            warnings.warn("otel:daemon:" + failure.getClass().getName(),
                    "could not turn a segment document into spans for the daemon; it was not sent", failure);
        }
    }

    @Override
    public String payload(List<SpanRecord> spans) {
        return DaemonPayloads.SAMPLED_PREFIX + Base64.getEncoder().encodeToString(
                OtlpTraceEncoder.encode(spans, resource));
    }

    @Override
    public String nameOf(SpanRecord span) {
        return span.name();
    }

    @Override
    public void release() {
        datagrams.release();
    }
}
