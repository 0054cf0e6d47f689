package dev.xraytracing.otel.internal;

import dev.xraytracing.internal.emit.DocumentSink;
import dev.xraytracing.internal.emit.UdpSink;
import dev.xraytracing.internal.log.WarnOnce;
import java.io.IOException;
import java.util.List;

/**
 * The datagrams of AWS's X-Ray UDP span exporter: after the daemon's header line (which {@link UdpSink} writes),
 * {@code T1S} (sampled spans) and the batch as OTLP protobuf in base64. A batch too large for one datagram is split in
 * halves, never dropped.
 */
final class DaemonPayloads {
    /** What AWS's exporter puts before the base64 payload of sampled spans (after the daemon's header line). */
    static final String SAMPLED_PREFIX = "T1S";
    /** The daemon's datagrams hold at most 64 KiB; a little room is left for the header line. */
    static final int MAX_PAYLOAD = 64 * 1024 - 64;

    /** How spans of one kind are sent. */
    interface Encoder<T> {
        /** The payload of {@code spans}: {@code T1S} and their base64 OTLP bytes. */
        String payload(List<T> spans) throws IOException;

        /** A span's name, for the warning about one too large for a datagram. */
        String nameOf(T span);
    }

    private DaemonPayloads() {
    }

    static <T> void send(List<T> spans, Encoder<T> encoder, DocumentSink sink, WarnOnce warnings) throws IOException {
        if (spans.isEmpty()) {
            return;
        }
        String payload = encoder.payload(spans);
        if (payload.length() > MAX_PAYLOAD && spans.size() > 1) {
            int half = spans.size() / 2;
            send(spans.subList(0, half), encoder, sink, warnings);
            send(spans.subList(half, spans.size()), encoder, sink, warnings);
            return;
        }
        if (payload.length() > MAX_PAYLOAD) {
            warnings.warn("otel:too-large", "a span of " + payload.length() + " bytes is larger than a daemon "
                    + "datagram; the daemon may refuse it: " + encoder.nameOf(spans.get(0)));
        }
        sink.send(payload); // the datagram sink ({@link UdpSink}) writes the daemon's header line first
    }
}
