package dev.xraytracing.internal.emit;

import dev.xraytracing.internal.config.ConfigKey;
import dev.xraytracing.internal.config.Configuration;
import dev.xraytracing.internal.log.WarnOnce;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;

/**
 * Sends documents to the X-Ray daemon the way the daemon reads them: one datagram each, a
 * {@code {"format": "json", "version": 1}} header line, then the document.
 */
public final class UdpSink implements DocumentSink {
    static final String HEADER = "{\"format\": \"json\", \"version\": 1}\n";

    private final InetSocketAddress daemon;
    private final WarnOnce warnings;
    private volatile DatagramChannel channel;

    public UdpSink(InetSocketAddress daemon, WarnOnce warnings) {
        this.daemon = daemon;
        this.warnings = warnings;
    }

    /** The daemon named by {@code AWS_XRAY_DAEMON_ADDRESS} (Lambda sets it), else 127.0.0.1:2000. */
    public static UdpSink fromEnvironment(WarnOnce warnings) {
        return new UdpSink(parseAddress(Configuration.process().value(ConfigKey.DAEMON_ADDRESS)), warnings);
    }

    static InetSocketAddress parseAddress(String configured) {
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

    @Override
    public void send(String document) {
        try {
            channel().send(ByteBuffer.wrap((HEADER + document).getBytes(StandardCharsets.UTF_8)), daemon);
        } catch (IOException | RuntimeException failure) {
            warnings.warn("udp:" + daemon, "could not send a document to the X-Ray daemon at "
                    + daemon + ": " + failure);
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
}
