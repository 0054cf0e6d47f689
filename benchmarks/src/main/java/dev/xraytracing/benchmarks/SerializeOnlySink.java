package dev.xraytracing.benchmarks;

import dev.xraytracing.internal.emit.DocumentSink;
import java.nio.charset.StandardCharsets;

/**
 * Our {@code UdpSink} without the socket: the same header line and UTF-8 encoding into a datagram's bytes, so that
 * both sides of a comparison pay for encoding and neither pays for the kernel.
 */
final class SerializeOnlySink implements DocumentSink {
    private static final String HEADER = "{\"format\": \"json\", \"version\": 1}\n";

    /** Read after a run so the JIT cannot drop the encoding. */
    long bytesEncoded;

    @Override
    public void send(String document) {
        bytesEncoded += (HEADER + document).getBytes(StandardCharsets.UTF_8).length;
    }
}
