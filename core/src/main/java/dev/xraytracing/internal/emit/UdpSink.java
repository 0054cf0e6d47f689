package dev.xraytracing.internal.emit;

import dev.xraytracing.internal.config.ConfigKey;
import dev.xraytracing.internal.config.Configuration;
import dev.xraytracing.internal.log.WarnOnce;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;

/**
 * Sends documents to the X-Ray daemon the way the daemon reads them: one datagram each, a
 * {@code {"format": "json", "version": 1}} header line, then the document.
 */
public final class UdpSink implements DocumentSink {
    static final String HEADER = "{\"format\": \"json\", \"version\": 1}\n";

    private final InetSocketAddress daemon;
    private volatile DatagramChannel channel;

    private final WarnOnce warnings;

    public UdpSink(InetSocketAddress daemon, WarnOnce warnings) {
        this.daemon = daemon;
        this.warnings = warnings;
    }

    /** The daemon named by {@code AWS_XRAY_DAEMON_ADDRESS} (Lambda sets it), else 127.0.0.1:2000. */
    public static UdpSink fromEnvironment(WarnOnce warnings) {
        return new UdpSink(daemonFromEnvironment(), warnings);
    }

    /** The daemon named by {@code AWS_XRAY_DAEMON_ADDRESS} (Lambda sets it), else 127.0.0.1:2000. */
    public static InetSocketAddress daemonFromEnvironment() {
        return parseAddress(Configuration.process().value(ConfigKey.DAEMON_ADDRESS));
    }

    public static InetSocketAddress parseAddress(String configured) {
        String address = configured == null || configured.isBlank() ? "127.0.0.1:2000" : configured.trim();
        // The variable may name separate TCP and UDP addresses: "tcp:host:port udp:host:port".
        for (String part : address.split("\\s+")) {
            if (part.startsWith("udp:")) {
                address = part.substring(4);
            } else if (!part.startsWith("tcp:")) {
                address = part;
            }
        }
        int colon = address.lastIndexOf(':');
        String host = colon < 0 ? address : address.substring(0, colon);
        int port = colon < 0 ? 2000 : Integer.parseInt(address.substring(colon + 1));
        return new InetSocketAddress(host, port);
    }

    public InetSocketAddress daemon() {
        return daemon;
    }

    /**
     * Sends one datagram, leaving the sending thread's interrupt flag as it was. The socket is a
     * {@link DatagramChannel} (a {@code DatagramSocket} is the same channel behind an adaptor: 8 more JDK classes and 2
     * lambdas on a cold start). An interrupt closes a channel for good, so the flag is cleared while this thread
     * sends and set again after; a channel closed anyway (an interrupt arriving mid-send, another thread's interrupt,
     * {@link #release()}) is replaced, once per send.
     */
    @Override
    public void send(String document) {
        ByteBuffer bytes = ByteBuffer.wrap(HEADER.concat(document).getBytes(StandardCharsets.UTF_8));
        boolean interrupted = Thread.interrupted();
        try {
            DatagramChannel open = channel();
            try {
                open.send(bytes, daemon);
            } catch (ClosedChannelException closed) {
                interrupted |= Thread.interrupted();
                bytes.rewind();
                replace(open).send(bytes, daemon);
            }
        } catch (IOException | RuntimeException failure) {
            warnings.warn("udp:" + daemon, "could not send a document to the X-Ray daemon at "
                    + daemon + ": " + failure);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Opens the socket (about 15 JDK classes on a cold start). */
    @Override
    public void prepare() {
        try {
            channel();
        } catch (IOException | RuntimeException failure) {
            warnings.warn("udp:" + daemon, "could not open a socket for the X-Ray daemon at " + daemon + ": "
                    + failure);
        }
    }

    @Override
    public synchronized void release() {
        DatagramChannel open = channel;
        channel = null;
        if (open != null) {
            try {
                open.close();
            } catch (IOException ignored) {
                // closing a datagram channel releases only its descriptor; there is nothing to flush
            }
        }
    }

    private DatagramChannel channel() throws IOException {
        DatagramChannel open = channel;
        if (open == null) {
            synchronized (this) {
                open = channel;
                if (open == null) {
                    open = DatagramChannel.open();
                    channel = open;
                }
            }
        }
        return open;
    }

    private synchronized DatagramChannel replace(DatagramChannel closed) throws IOException {
        if (channel == closed || channel == null) {
            channel = DatagramChannel.open();
        }
        return channel;
    }
}
