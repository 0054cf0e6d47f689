package dev.xraytracing.internal.emit;

import dev.xraytracing.internal.config.ConfigKey;
import dev.xraytracing.internal.config.Configuration;
import dev.xraytracing.internal.log.WarnOnce;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;

/**
 * Sends documents to the X-Ray daemon the way the daemon reads them: one datagram each, a
 * {@code {"format": "json", "version": 1}} header line, then the document.
 */
public final class UdpSink implements DocumentSink {
    static final String HEADER = "{\"format\": \"json\", \"version\": 1}\n";

    private final InetSocketAddress daemon;
    private volatile DatagramSocket socket;

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
     * Sends one datagram. The socket is a {@link DatagramSocket}, which an interrupt of the sending thread does not
     * close (a {@code DatagramChannel} would be closed for good by {@code ClosedByInterruptException}), and the
     * sending thread's interrupt flag is left as it was. A socket found closed anyway is replaced, once per send.
     */
    @Override
    public void send(String document) {
        byte[] bytes = (HEADER + document).getBytes(StandardCharsets.UTF_8);
        try {
            DatagramSocket open = socket();
            try {
                open.send(new DatagramPacket(bytes, bytes.length, daemon));
            } catch (SocketException closed) {
                if (!open.isClosed()) {
                    throw closed;
                }
                replace(open).send(new DatagramPacket(bytes, bytes.length, daemon));
            }
        } catch (IOException | RuntimeException failure) {
            warnings.warn("udp:" + daemon, "could not send a document to the X-Ray daemon at "
                    + daemon + ": " + failure);
        }
    }

    /** Opens the socket (about 25 JDK classes on a cold start). */
    @Override
    public void prepare() {
        try {
            socket();
        } catch (IOException | RuntimeException failure) {
            warnings.warn("udp:" + daemon, "could not open a socket for the X-Ray daemon at " + daemon + ": "
                    + failure);
        }
    }

    @Override
    public synchronized void release() {
        DatagramSocket open = socket;
        socket = null;
        if (open != null) {
            open.close();
        }
    }

    private DatagramSocket socket() throws SocketException {
        DatagramSocket open = socket;
        if (open == null) {
            synchronized (this) {
                open = socket;
                if (open == null) {
                    open = new DatagramSocket();
                    socket = open;
                }
            }
        }
        return open;
    }

    private synchronized DatagramSocket replace(DatagramSocket closed) throws SocketException {
        if (socket == closed || socket == null) {
            socket = new DatagramSocket();
        }
        return socket;
    }
}
