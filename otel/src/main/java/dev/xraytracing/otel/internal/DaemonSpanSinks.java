package dev.xraytracing.otel.internal;

import dev.xraytracing.internal.config.Configuration;
import dev.xraytracing.internal.emit.DocumentSink;
import dev.xraytracing.internal.emit.UdpSink;
import dev.xraytracing.internal.log.WarnOnce;
import io.opentelemetry.api.GlobalOpenTelemetry;
import java.net.InetSocketAddress;
import java.util.function.BiFunction;

/**
 * What core finds by name when {@code XRAY_TRACING_BACKEND=opentelemetry} (core's {@code DocumentSinks}): the daemon reached
 * with spans in the X-Ray UDP span exporter's format instead of segment documents; or, when a
 * {@code GlobalOpenTelemetry} is already set, that one's pipeline ({@link GlobalJoinSink}; whether to ask:
 * {@link GlobalJoinChoice}).
 */
public final class DaemonSpanSinks implements BiFunction<InetSocketAddress, WarnOnce, DocumentSink> {
    @Override
    public DocumentSink apply(InetSocketAddress daemon, WarnOnce warnings) {
        Configuration settings = Configuration.process();
        if (GlobalJoinChoice.worthAsking(settings, warnings) && GlobalJoinChoice.canJoin(settings, warnings)
                && GlobalOpenTelemetry.isSet()) {
            return GlobalJoinSink.ofGlobal(warnings); // the ADOT layer, the Java agent or the team's SDK: join it
        }
        return over(new UdpSink(daemon, warnings), warnings);
    }

    /** The same sending each datagram's payload to {@code datagrams} (benchmarks measure it without a socket). */
    public static DocumentSink over(DocumentSink datagrams, WarnOnce warnings) {
        return new DaemonSpanSink(datagrams, warnings, SpanResources.fieldsFromEnvironment());
    }
}
