package dev.xraytracing.local.internal.otlp;

import io.opentelemetry.exporter.otlp.internal.HttpExporter;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * OpenTelemetry's OTLP exporter logs each failed export through java.util.logging, a refused connection at SEVERE
 * with its stack trace. The forwarding says what failed in one line of its own, so the exporter's records are taken
 * away from the log, but only those logged on the forwarding's own threads: any other exporter in this JVM logs as
 * before.
 */
final class ExporterLogs {
    /** Held, because java.util.logging holds loggers weakly and would forget the filter with the logger. */
    private static final Logger EXPORTER = Logger.getLogger(HttpExporter.class.getName());
    private static final ThreadLocal<Consumer<LogRecord>> TAKER = new ThreadLocal<>();
    private static boolean installed;

    private ExporterLogs() {
    }

    /** Installs the filter once per JVM, in front of whatever filter the exporter's logger already has. */
    static synchronized void install() {
        if (installed) {
            return;
        }
        Filter previous = EXPORTER.getFilter();
        EXPORTER.setFilter(record -> {
            Consumer<LogRecord> taker = TAKER.get();
            if (taker != null) {
                taker.accept(record);
                return false;
            }
            return previous == null || previous.isLoggable(record);
        });
        installed = true;
    }

    /** Daemon threads named {@code name} whose exporter records go to {@code taker} instead of the log. */
    static ThreadFactory threads(String name, Consumer<LogRecord> taker) {
        return task -> {
            Thread thread = new Thread(() -> {
                TAKER.set(taker);
                task.run();
            }, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
