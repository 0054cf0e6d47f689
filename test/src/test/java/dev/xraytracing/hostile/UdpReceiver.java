package dev.xraytracing.hostile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A stand-in X-Ray daemon on 127.0.0.1 and an ephemeral port: it collects the documents it receives. */
final class UdpReceiver implements AutoCloseable {
    private final DatagramSocket socket;

    UdpReceiver() {
        try {
            socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            socket.setReceiveBufferSize(4 * 1024 * 1024);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), socket.getLocalPort());
    }

    /** Documents (header line removed) received until {@code count} arrived or nothing came for {@code quietMillis}. */
    List<String> receive(int count, int quietMillis) {
        List<String> documents = new ArrayList<>();
        byte[] buffer = new byte[70_000];
        try {
            socket.setSoTimeout(quietMillis);
            while (documents.size() < count) {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                socket.receive(packet);
                String text = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
                documents.add(text.substring(text.indexOf('\n') + 1));
            }
        } catch (SocketTimeoutException quiet) {
            // fewer than expected: the caller's assertion says so
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return documents;
    }

    @Override
    public void close() {
        socket.close();
    }
}
