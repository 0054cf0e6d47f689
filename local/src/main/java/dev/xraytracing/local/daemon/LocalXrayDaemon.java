package dev.xraytracing.local.daemon;

import dev.xraytracing.local.app.LocalRunException;
import dev.xraytracing.local.internal.DaemonWireFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A local stand-in for the X-Ray daemon: listens on UDP 127.0.0.1, reads the daemon's wire format (a
 * {@code {"format": "json", "version": 1}} header line, then one segment document per datagram, or the spans of
 * AWS's X-Ray UDP span exporter, {@code T1S} and base64 OTLP, which become segment documents as X-Ray makes them)
 * and keeps every document, in arrival order. Subsegments streamed on their own arrive as documents of their own and are kept too;
 * {@link dev.xraytracing.trace.TraceDocuments#assemble} puts them back together. Thread-safe.
 */
public final class LocalXrayDaemon implements AutoCloseable {
    private static final int MAX_DATAGRAM = 64 * 1024;

    private final DatagramSocket socket;
    private final Thread reader;
    private final Object lock = new Object();
    private final List<String> documents = new ArrayList<>();
    private final List<String> rejected = new ArrayList<>();
    private long lastArrivalNanos = System.nanoTime();
    private final String markerPrefix = "xray-tracing-local marker " + System.identityHashCode(this) + " ";
    private long markersSent;
    private long markersSeen;
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();

    private LocalXrayDaemon(DatagramSocket socket) {
        this.socket = socket;
        this.reader = new Thread(this::receiveLoop, "local-xray-daemon");
        this.reader.setDaemon(true);
        this.reader.start();
    }

    /** Starts a daemon on an ephemeral UDP port of 127.0.0.1. */
    public static LocalXrayDaemon start() {
        return start(0);
    }

    /** Starts a daemon on {@code port} of 127.0.0.1 (0 picks a free one). */
    public static LocalXrayDaemon start(int port) {
        try {
            return new LocalXrayDaemon(new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port)));
        } catch (BindException e) {
            throw new LocalRunException("UDP port " + port + " for the X-Ray daemon is already in use", e);
        } catch (SocketException e) {
            throw new UncheckedIOException(e);
        }
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    /** The value for {@code AWS_XRAY_DAEMON_ADDRESS}: {@code 127.0.0.1:port}. */
    public String daemonAddress() {
        return "127.0.0.1:" + address().getPort();
    }

    /** The documents received so far (without the header line), in arrival order. */
    public List<String> documents() {
        synchronized (lock) {
            return new ArrayList<>(documents);
        }
    }

    /** Datagrams that did not carry the daemon header and a JSON document; kept so nothing is lost silently. */
    public List<String> rejected() {
        synchronized (lock) {
            return new ArrayList<>(rejected);
        }
    }

    /**
     * Hands every document received from now on to {@code listener} as well, in arrival order, on the daemon's
     * reading thread: it must return at once (queue the document, not process it).
     */
    public void addListener(Consumer<String> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Stops handing documents to {@code listener}. */
    public void removeListener(Consumer<String> listener) {
        listeners.remove(listener);
    }

    public void clear() {
        synchronized (lock) {
            documents.clear();
            rejected.clear();
        }
    }

    /** Waits until at least {@code count} documents arrived or {@code timeout} passed; returns what arrived. */
    public List<String> awaitDocuments(int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (documents.size() < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !waitOn(left)) {
                    break;
                }
            }
            return new ArrayList<>(documents);
        }
    }

    /**
     * Waits until no document arrived for {@code quiet} (counted from the last arrival, or from this call if that is
     * later), at most {@code timeout}; returns what arrived.
     */
    public List<String> awaitQuiet(Duration quiet, Duration timeout) {
        long called = System.nanoTime();
        long deadline = called + timeout.toNanos();
        synchronized (lock) {
            while (true) {
                long now = System.nanoTime();
                long quietUntil = Math.max(lastArrivalNanos, called) + quiet.toNanos();
                if (now >= quietUntil || now >= deadline || !waitOn(Math.min(quietUntil, deadline) - now)) {
                    return new ArrayList<>(documents);
                }
            }
        }
    }

    /**
     * Waits (at most {@code timeout}) until every datagram sent to this daemon before the call has been read: a
     * marker sent to itself queues behind them on the socket. Unlike a quiet period, this does not depend on how
     * soon the reading thread gets a processor on a loaded machine. Returns false if the marker did not come back.
     */
    public boolean awaitSentSoFar(Duration timeout) {
        long marker;
        synchronized (lock) {
            marker = ++markersSent;
        }
        byte[] bytes = (markerPrefix + marker).getBytes(StandardCharsets.UTF_8);
        try (DatagramSocket sender = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            sender.send(new DatagramPacket(bytes, bytes.length, address()));
        } catch (IOException e) {
            return false;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (markersSeen < marker) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !waitOn(left)) {
                    return false;
                }
            }
            return true;
        }
    }

    private boolean waitOn(long nanos) {
        try {
            lock.wait(Math.max(1, nanos / 1_000_000), 0);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void receiveLoop() {
        byte[] buffer = new byte[MAX_DATAGRAM];
        while (!socket.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (IOException e) {
                return; // closed
            }
            accept(new String(packet.getData(), packet.getOffset(), packet.getLength(), StandardCharsets.UTF_8));
        }
    }

    /** Splits one datagram into header and document, as the daemon does. */
    void accept(String datagram) {
        if (datagram.startsWith(markerPrefix)) {
            synchronized (lock) {
                markersSeen = Math.max(markersSeen, Long.parseLong(datagram.substring(markerPrefix.length())));
                lock.notifyAll();
            }
            return;
        }
        List<String> received = documentsOf(datagram);
        synchronized (lock) {
            if (received == null) {
                rejected.add(datagram);
            } else {
                documents.addAll(received);
            }
            lastArrivalNanos = System.nanoTime();
            lock.notifyAll();
        }
        if (received != null) {
            received.forEach(this::tellListeners);
        }
    }

    private void tellListeners(String document) {
        for (Consumer<String> listener : listeners) {
            try {
                listener.accept(document);
            } catch (RuntimeException failure) {
                // A listener's failure never stops the daemon; the document is kept above all the same.
                warnOnce("a listener of the X-Ray daemon failed (" + failure + "); the daemon goes on");
            }
        }
    }

    /**
     * The documents of one datagram: a segment document, or the spans of AWS's X-Ray UDP span exporter turned into
     * documents as X-Ray turns them; null when it is neither.
     */
    private static List<String> documentsOf(String datagram) {
        int newline = datagram.indexOf('\n');
        String payload = newline < 0 ? "" : datagram.substring(newline + 1);
        if (payload.startsWith("T1") && DaemonWireFormat.hasHeader(datagram)) {
            try {
                return SpanDatagrams.isSpans(payload) ? SpanDatagrams.documentsOf(payload) : null;
            } catch (RuntimeException notSpans) {
                return null;
            } catch (LinkageError noOtelModule) {
                // Kept as rejected, and said once: spans need xray-tracing-otel on the daemon's class path.
                warnOtelMissing();
                return null;
            }
        }
        String document = DaemonWireFormat.documentOf(datagram);
        return document == null ? null : List.of(document);
    }

    private static volatile boolean otelMissingSaid;
    private volatile boolean listenerFailureSaid;

    private static void warnOtelMissing() {
        if (!otelMissingSaid) {
            otelMissingSaid = true;
            System.err.println("xray-tracing-local: the X-Ray daemon received OpenTelemetry spans but "
                    + "dev.xraytracing:xray-tracing-otel is not on its class path; they are kept as rejected datagrams");
        }
    }

    private void warnOnce(String warning) {
        if (!listenerFailureSaid) {
            listenerFailureSaid = true;
            System.err.println("xray-tracing-local: " + warning);
        }
    }

    @Override
    public void close() {
        socket.close();
        try {
            reader.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
