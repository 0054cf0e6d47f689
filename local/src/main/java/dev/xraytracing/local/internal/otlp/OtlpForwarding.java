package dev.xraytracing.local.internal.otlp;

import dev.xraytracing.otel.internal.DocumentSpans;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.export.RetryPolicy;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.logging.LogRecord;
import javax.net.ssl.SSLException;

/**
 * Forwards every segment document handed to it to an OpenTelemetry Collector as spans (otel's
 * {@link DocumentSpans}: the same trace and span ids), with OpenTelemetry's OTLP/HTTP exporter on the JDK's HTTP
 * client. {@link #accept} only queues, so the daemon's reading thread never waits; one thread of its own converts
 * and sends what has queued, in batches; {@link #close} sends what is left and says in one line how many spans went
 * out. A Collector that is down or refuses costs one warning line, at the first failure, and a count at the end:
 * never an exception, a stack trace or a failed run.
 */
public final class OtlpForwarding implements Consumer<String>, AutoCloseable {
    /**
     * What starts a line that says something was lost: a run's {@code --quiet} hides the platform's other lines, never
     * these.
     */
    public static final String WARNING = "xray-tracing-local: WARNING: ";

    /** How many documents wait at most; more (a Collector far slower than the run) are counted, not sent. */
    static final int QUEUE_CAPACITY = 10_000;
    /** How many documents one request carries at most. */
    static final int MAX_BATCH_DOCUMENTS = 256;
    /** How long a batch waits for more documents after its first (a burst goes out in one request). */
    static final Duration LINGER = Duration.ofMillis(200);
    static final Duration EXPORT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** How long {@link #close} waits for the last batches before it counts what is left as not forwarded. */
    static final Duration FLUSH_LIMIT = Duration.ofSeconds(30);
    private static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");

    private final URI url;
    private final SpanExporter exporter;
    private final ExecutorService sender;
    private final Consumer<String> output;
    private final Resource resource = Resource.getDefault()
            .merge(Resource.create(Attributes.of(SERVICE_NAME, "xray-tracing-local")));
    private final BlockingQueue<String> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final Thread worker;
    private volatile boolean closing;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean warned = new AtomicBoolean();
    /** The exporter's own words for the last failure (its log record, taken from the log). */
    private final AtomicReference<String> exporterSaid = new AtomicReference<>();
    private final AtomicLong forwarded = new AtomicLong();
    private final AtomicLong notTaken = new AtomicLong();
    private final AtomicLong overflowed = new AtomicLong();
    private final AtomicLong unconverted = new AtomicLong();

    private OtlpForwarding(URI url, Consumer<String> output) {
        this.url = url;
        this.output = output;
        ExporterLogs.install();
        Consumer<LogRecord> taker = record -> exporterSaid.set(describe(record));
        sender = Executors.newSingleThreadExecutor(ExporterLogs.threads("xray-tracing-local-otlp-sender", taker));
        exporter = OtlpHttpSpanExporter.builder()
                .setEndpoint(url.toString())
                .setTimeout(EXPORT_TIMEOUT)
                .setConnectTimeout(CONNECT_TIMEOUT)
                .setRetryPolicy(RetryPolicy.builder().setRetryExceptionPredicate(OtlpForwarding::retryable).build())
                .setExecutorService(sender)
                // Its own metrics go nowhere: no global OpenTelemetry is looked up (or configured) for them.
                .setMeterProvider(MeterProvider::noop)
                .build();
        worker = ExporterLogs.threads("xray-tracing-local-otlp", taker).newThread(this::forwardUntilClosed);
        worker.start();
    }

    /**
     * Starts forwarding to the Collector at {@code endpoint} (see {@link OtlpEndpoint}); {@code output} takes the
     * warning and the closing count.
     */
    public static OtlpForwarding start(String endpoint, Consumer<String> output) {
        return new OtlpForwarding(OtlpEndpoint.tracesUrl(endpoint), output);
    }

    /** Where the spans go: the Collector's traces URL. */
    public URI url() {
        return url;
    }

    /** Queues one segment document; returns at once. */
    @Override
    public void accept(String document) {
        if (closing || !queue.offer(document)) {
            overflowed.incrementAndGet();
        }
    }

    private void forwardUntilClosed() {
        List<String> batch = new ArrayList<>();
        try {
            while (!closing || !queue.isEmpty()) {
                String first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                long lingerEnds = System.nanoTime() + LINGER.toNanos();
                while (batch.size() < MAX_BATCH_DOCUMENTS) {
                    long left = closing ? 0 : lingerEnds - System.nanoTime();
                    String next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : queue.poll();
                    if (next == null) {
                        break;
                    }
                    batch.add(next);
                }
                send(batch);
                batch.clear();
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | LinkageError unexpected) {
            // Forwarding never breaks the run: what was not sent is counted at the end.
            warnOnce("forwarding stopped: " + unexpected);
        }
    }

    private void send(List<String> documents) {
        List<SpanData> spans = new ArrayList<>();
        for (String document : documents) {
            try {
                spans.addAll(DocumentSpans.of(document, resource));
            } catch (IOException | RuntimeException notADocument) {
                unconverted.incrementAndGet();
            }
        }
        if (spans.isEmpty()) {
            return;
        }
        exporterSaid.set(null);
        CompletableResultCode result = exporter.export(spans)
                .join(EXPORT_TIMEOUT.toMillis() + 2_000, TimeUnit.MILLISECONDS);
        if (result.isSuccess()) {
            forwarded.addAndGet(spans.size());
            return;
        }
        notTaken.addAndGet(spans.size());
        String why = !result.isDone() ? "no answer within " + EXPORT_TIMEOUT.toSeconds() + " s"
                : exporterSaid.get() != null ? exporterSaid.get()
                : result.getFailureThrowable() != null ? describe(result.getFailureThrowable())
                : "the exporter reported a failure";
        warnOnce("the OpenTelemetry Collector at " + url + " did not take " + spans.size() + " spans (" + why
                + "); the run goes on, and its end counts the spans not forwarded");
    }

    private void warnOnce(String warning) {
        if (warned.compareAndSet(false, true)) {
            output.accept(WARNING + warning);
        }
    }

    /** Sends what is queued (waiting at most {@link #FLUSH_LIMIT}), stops, and says how many spans went out. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        closing = true;
        try {
            worker.join(FLUSH_LIMIT.toMillis());
            worker.interrupt(); // past the limit: what is left is counted below, not sent
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long left = queue.size();
        queue.clear();
        exporter.shutdown().join(1, TimeUnit.SECONDS);
        sender.shutdownNow();
        String summary = summary(left);
        boolean lost = notTaken.get() + overflowed.get() + left + unconverted.get() > 0;
        output.accept((lost ? WARNING : "xray-tracing-local: ") + summary);
    }

    private String summary(long left) {
        long sent = forwarded.get();
        long failed = notTaken.get();
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "forwarded %d %s to %s", sent,
                sent == 1 ? "span" : "spans", url));
        if (failed > 0) {
            line.append(String.format(Locale.ROOT, "; %d not taken by the Collector", failed));
        }
        if (overflowed.get() + left > 0) {
            line.append(String.format(Locale.ROOT, "; %d documents not sent (the Collector could not keep up)",
                    overflowed.get() + left));
        }
        if (unconverted.get() > 0) {
            line.append(String.format(Locale.ROOT, "; %d documents could not be turned into spans",
                    unconverted.get()));
        }
        return line.toString();
    }

    /**
     * Retries what may pass on a second try (a reset connection, a timed-out answer), not a Collector that is not
     * there: a refused or timed-out connection fails the batch at once, so a dead endpoint costs no waiting.
     */
    private static boolean retryable(IOException failure) {
        return !(failure instanceof ConnectException) && !(failure instanceof HttpConnectTimeoutException)
                && !(failure instanceof SSLException);
    }

    private static String describe(LogRecord record) {
        String message = record.getMessage() == null ? "" : record.getMessage().trim();
        return record.getThrown() == null ? message : message + " " + describe(record.getThrown());
    }

    /**
     * The failure as a reader acts on it: its kind and the first message along its causes, as
     * {@code ConnectException} (the JDK's HTTP client says no more of a refused connection) or
     * {@code HttpTimeoutException: request timed out}.
     */
    static String describe(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause.getMessage() != null) {
                return failure.getClass().getSimpleName() + ": " + cause.getMessage();
            }
        }
        return failure.getClass().getSimpleName();
    }
}
