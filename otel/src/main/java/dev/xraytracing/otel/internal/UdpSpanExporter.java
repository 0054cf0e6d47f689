package dev.xraytracing.otel.internal;

import dev.xraytracing.internal.emit.UdpSink;
import dev.xraytracing.internal.log.WarnOnce;
import io.opentelemetry.exporter.internal.otlp.traces.TraceRequestMarshaler;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;

/**
 * {@code dev.xraytracing.otel.XrayUdpSpanExporter}'s work: sends {@code SpanData} to the X-Ray daemon (Lambda's, or a local one) the way AWS's X-Ray UDP span exporter for Lambda does:
 * one datagram per batch, the daemon's {@code {"format": "json", "version": 1}} header line, then {@code T1S} (sampled
 * spans) and the batch as OTLP protobuf in base64. A batch too large for one datagram is split, never dropped.
 * Nothing here throws at the caller: a failed send is logged once and reported as a failed result.
 */
public final class UdpSpanExporter implements SpanExporter {
    /** What AWS's exporter puts before the base64 payload of sampled spans (after the daemon's header line). */
    public static final String SAMPLED_PREFIX = DaemonPayloads.SAMPLED_PREFIX;
    /** The class that encodes {@code SpanData} as OTLP, from {@code opentelemetry-exporter-otlp-common}. */
    static final String ENCODER = "io.opentelemetry.exporter.internal.otlp.traces.TraceRequestMarshaler";

    private final UdpSink sink;
    private final WarnOnce warnings;
    private volatile boolean shutDown;

    public UdpSpanExporter(InetSocketAddress daemon, WarnOnce warnings) {
        this.sink = new UdpSink(daemon, warnings);
        this.warnings = warnings;
    }

    /** Says at once, rather than at the first export, that the encoder's artifact is missing. */
    public static void requireEncoder() {
        try {
            Class.forName(ENCODER, false, UdpSpanExporter.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError absent) {
            throw new IllegalStateException("XrayUdpSpanExporter encodes spans with "
                    + "io.opentelemetry:opentelemetry-exporter-otlp-common, which is not on the class path; add it "
                    + "(xray-tracing-otel depends on it optionally)", absent);
        }
    }

    /** The payload after the header line, for spans that fit one datagram: {@code T1S} and the base64 OTLP bytes. */
    public static String payload(Collection<SpanData> spans) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TraceRequestMarshaler.create(spans).writeBinaryTo(bytes);
        return SAMPLED_PREFIX.concat(Base64.getEncoder().encodeToString(bytes.toByteArray())); // see DaemonSpanSink
    }

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        if (shutDown) {
            return CompletableResultCode.ofFailure();
        }
        try {
            send(new ArrayList<>(spans));
            return CompletableResultCode.ofSuccess();
        } catch (IOException | RuntimeException | LinkageError failure) {
            warnings.warn("otel:export:" + failure.getClass().getName(), "could not encode spans for the X-Ray "
                    + "daemon; they were not sent", failure);
            return CompletableResultCode.ofFailure();
        }
    }

    private void send(List<SpanData> spans) throws IOException {
        DaemonPayloads.send(spans, new DaemonPayloads.Encoder<SpanData>() {
            @Override
            public String payload(List<SpanData> batch) throws IOException {
                return UdpSpanExporter.payload(batch);
            }

            @Override
            public String nameOf(SpanData span) {
                return span.getName();
            }
        }, sink, warnings);
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess(); // every export is sent before it returns
    }

    /** Closes the socket (the next export after a SnapStart restore opens a new one; after shutdown none goes out). */
    public void release() {
        sink.release();
    }

    @Override
    public CompletableResultCode shutdown() {
        shutDown = true;
        sink.release();
        return CompletableResultCode.ofSuccess();
    }
}
