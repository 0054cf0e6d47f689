package dev.xraytracing.local.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/** The X-Ray daemon's UDP wire format: a JSON header line, then one segment document. */
public final class DaemonWireFormat {
    static final String HEADER = "{\"format\": \"json\", \"version\": 1}";

    private DaemonWireFormat() {
    }

    /** The document of a datagram, or null when it lacks the header or a JSON object after it. */
    public static String documentOf(String datagram) {
        if (!hasHeader(datagram)) {
            return null;
        }
        int newline = datagram.indexOf('\n');
        String document = datagram.substring(newline + 1).trim();
        return document.startsWith("{") && document.endsWith("}") ? document : null;
    }

    /** Whether the datagram's first line is the daemon's header. */
    public static boolean hasHeader(String datagram) {
        int newline = datagram.indexOf('\n');
        if (newline < 0) {
            return false;
        }
        String header = datagram.substring(0, newline).replace(" ", "");
        return header.contains("\"format\":\"json\"") && header.contains("\"version\":1");
    }

    /** Sends one document as the SDKs do; the Lambda service's and API Gateway's own segments go out this way. */
    public static void send(InetSocketAddress daemon, String document) {
        byte[] bytes = (HEADER + "\n" + document).getBytes(StandardCharsets.UTF_8);
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.send(new DatagramPacket(bytes, bytes.length, daemon));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
