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
    /** A subsegment with an AWS call in it, as a first invocation sends: converted once when a sink is built. */
    static final String SAMPLE_DOCUMENT = "{\"type\":\"subsegment\",\"name\":\"warm-up\","
            + "\"id\":\"0000000000000001\",\"trace_id\":\"1-00000000-000000000000000000000001\","
            + "\"parent_id\":\"0000000000000002\","
            + "\"start_time\":1.0,\"end_time\":1.5,\"annotations\":{\"a\":\"b\"},"
            + "\"metadata\":{\"default\":{\"m\":1}},"
            + "\"subsegments\":[{\"name\":\"Lambda\",\"id\":\"0000000000000003\",\"start_time\":1.1,"
            + "\"end_time\":1.4,\"namespace\":\"aws\",\"http\":{\"response\":{\"status\":200}},"
            + "\"aws\":{\"operation\":\"Invoke\",\"region\":\"us-east-1\",\"request_id\":\"r\","
            + "\"function_name\":\"f\"}}]}";

    private final DocumentSink datagrams;
    private final WarnOnce warnings;
    private final SpanFields resource;

    /** @param datagrams where each datagram's payload goes: a {@link UdpSink} to the daemon */
    DaemonSpanSink(DocumentSink datagrams, WarnOnce warnings, SpanFields resource) {
        this.datagrams = datagrams;
        this.warnings = warnings;
        this.resource = resource;
        try {
            // As SpanExportSink does: our conversion's classes initialised on this ordinary stack, not first inside
            // a stack overflow of traced recursion, which would leave them broken for the JVM's life.
            payload(DocumentSpans.records(SAMPLE_DOCUMENT));
        } catch (Exception | LinkageError failure) {
            warnings.warn("otel:prepare:" + failure.getClass().getName(),
                    "could not encode a sample span; documents may not be sent", failure);
        }
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

    /** Opens the socket; the reader, the records and the encoder were initialised when this sink was built. */
    @Override
    public void prepare() {
        datagrams.prepare();
    }

    @Override
    public String payload(List<SpanRecord> spans) {
        // concat, not '+': compiled inline, '+' would copy the payload through a growing StringBuilder
        return DaemonPayloads.SAMPLED_PREFIX.concat(Base64.getEncoder().encodeToString(
                OtlpTraceEncoder.encode(spans, resource)));
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
