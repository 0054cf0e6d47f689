package dev.xraytracing.otel;

import dev.xraytracing.internal.emit.UdpSink;
import dev.xraytracing.internal.log.WarnOnce;
import dev.xraytracing.otel.internal.UdpSpanExporter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.net.InetSocketAddress;
import java.util.Collection;
import java.util.Objects;

/**
 * Sends spans to the X-Ray daemon (Lambda's, or a local one) the way AWS's X-Ray UDP span exporter for Lambda does:
 * one datagram per batch, the daemon's {@code {"format": "json", "version": 1}} header line, then {@code T1S} (sampled
 * spans) and the batch as OTLP protobuf in base64. A batch too large for one datagram is split, never dropped.
 * Nothing here throws at the caller: a failed send is logged once and reported as a failed result. With
 * {@code XRAY_TRACING_BACKEND=opentelemetry} the default tracer already uses one; this is for code that wants the
 * daemon as one exporter among others.
 */
public final class XrayUdpSpanExporter implements SpanExporter {
    private final UdpSpanExporter exporter;

    private XrayUdpSpanExporter(UdpSpanExporter exporter) {
        this.exporter = exporter;
    }

    /** An exporter to the daemon the environment names ({@code AWS_XRAY_DAEMON_ADDRESS}, else 127.0.0.1:2000). */
    public static XrayUdpSpanExporter toDaemon() {
        return toDaemon(UdpSink.daemonFromEnvironment());
    }

    /**
     * An exporter to the daemon at {@code daemon}.
     *
     * @throws IllegalStateException when {@code io.opentelemetry:opentelemetry-exporter-otlp-common}, which encodes
     *     the spans, is not on the class path ({@code xray-tracing-otel} depends on it optionally)
     */
    public static XrayUdpSpanExporter toDaemon(InetSocketAddress daemon) {
        Objects.requireNonNull(daemon, "daemon");
        UdpSpanExporter.requireEncoder();
        return new XrayUdpSpanExporter(new UdpSpanExporter(daemon, new WarnOnce()));
    }

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        return exporter.export(spans);
    }

    @Override
    public CompletableResultCode flush() {
        return exporter.flush();
    }

    @Override
    public CompletableResultCode shutdown() {
        return exporter.shutdown();
    }
}
