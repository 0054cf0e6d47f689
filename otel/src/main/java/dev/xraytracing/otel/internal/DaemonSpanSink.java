package dev.xraytracing.otel.internal;

import dev.xraytracing.internal.emit.DocumentSink;
import dev.xraytracing.internal.emit.UdpSink;
import dev.xraytracing.internal.log.WarnOnce;
import java.net.InetSocketAddress;
import java.util.Base64;
import java.util.List;

/**
 * The OpenTelemetry backend in Lambda: each finished segment document goes to the daemon as spans in the X-Ray UDP
 * span exporter's format, encoded straight from the document ({@link DocumentSpans#records},
 * {@link OtlpTraceEncoder}) without the SDK's span model, and sent before the subsegment's close returns, as the
 * X-Ray backend's datagram is. Never throws: what fails is logged once per kind.
 */
final class DaemonSpanSink implements DocumentSink {
    private final UdpSink sink;
    private final WarnOnce warnings;
    private final SpanFields resource;

    DaemonSpanSink(InetSocketAddress daemon, WarnOnce warnings, SpanFields resource) {
        this.sink = new UdpSink(daemon, warnings);
        this.warnings = warnings;
        this.resource = resource;
    }

    @Override
    public void send(String document) {
        try {
            DaemonPayloads.send(DocumentSpans.records(document), this::payload, SpanRecord::name, sink, warnings);
        } catch (Exception | LinkageError failure) {
            warnings.warn("otel:daemon:" + failure.getClass().getName(),
                    "could not turn a segment document into spans for the daemon; it was not sent", failure);
        }
    }

    private String payload(List<SpanRecord> spans) {
        return DaemonPayloads.SAMPLED_PREFIX + Base64.getEncoder().encodeToString(
                OtlpTraceEncoder.encode(spans, resource));
    }

    @Override
    public void release() {
        sink.release();
    }
}
