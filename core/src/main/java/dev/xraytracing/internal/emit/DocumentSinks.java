package dev.xraytracing.internal.emit;

import dev.xraytracing.internal.config.ConfigKey;
import dev.xraytracing.internal.config.Configuration;
import dev.xraytracing.internal.log.WarnOnce;
import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.function.BiFunction;

/**
 * Chooses the backend that sends a tracer's documents to the daemon: the X-Ray one ({@link UdpSink}) or, when
 * {@code XRAY_TRACING_BACKEND} says {@code opentelemetry}, the OpenTelemetry one ({@code xray-tracing-otel}), which
 * sends the same trace as spans. Said, never implied by the module on the class path: a class path that has it
 * through another dependency (the local platform's, a test's) must not change what a function sends. The module is
 * found by one class name, so that the X-Ray path pays nothing at cold start.
 */
public final class DocumentSinks {
    /** The OpenTelemetry backend's entry: a {@code BiFunction<InetSocketAddress, WarnOnce, DocumentSink>}. */
    static final String OPEN_TELEMETRY_SINKS = "dev.xraytracing.otel.internal.DaemonSpanSinks";

    private DocumentSinks() {
    }

    /** The daemon the environment names, reached through the backend the environment chooses. */
    public static DocumentSink fromEnvironment(WarnOnce warnings) {
        return toDaemon(UdpSink.daemonFromEnvironment(), warnings);
    }

    /** The daemon at {@code daemon}, reached through the backend the environment chooses. */
    public static DocumentSink toDaemon(InetSocketAddress daemon, WarnOnce warnings) {
        String backend = Configuration.process().value(ConfigKey.BACKEND);
        String chosen = backend == null ? "" : backend.trim().toLowerCase(Locale.ROOT);
        if (chosen.equals("opentelemetry")) {
            DocumentSink spans = openTelemetry(daemon, warnings, chosen);
            if (spans != null) {
                return spans;
            }
        } else if (!chosen.isEmpty() && !chosen.equals("xray")) {
            warnings.warn("backend:unknown", "XRAY_TRACING_BACKEND=" + backend + " is neither xray nor opentelemetry: "
                    + "documents go to the X-Ray daemon as segment documents");
        }
        return new UdpSink(daemon, warnings);
    }

    @SuppressWarnings("unchecked")
    private static DocumentSink openTelemetry(InetSocketAddress daemon, WarnOnce warnings, String chosen) {
        try {
            Class<?> type = Class.forName(OPEN_TELEMETRY_SINKS, true, DocumentSinks.class.getClassLoader());
            return ((BiFunction<InetSocketAddress, WarnOnce, DocumentSink>) type.getDeclaredConstructor().newInstance())
                    .apply(daemon, warnings);
        } catch (ClassNotFoundException absent) {
            warnings.warn("backend:absent", "XRAY_TRACING_BACKEND=" + chosen + " but xray-tracing-otel is not on "
                    + "the class path: documents go to the X-Ray daemon as segment documents");
            return null;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError failure) {
            warnings.warn("backend:otel", "the OpenTelemetry backend could not start; documents go to the X-Ray "
                    + "daemon as segment documents", failure);
            return null;
        }
    }
}
