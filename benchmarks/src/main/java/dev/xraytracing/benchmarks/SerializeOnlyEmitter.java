package dev.xraytracing.benchmarks;

import com.amazonaws.xray.emitters.Emitter;
import com.amazonaws.xray.entities.Segment;
import com.amazonaws.xray.entities.Subsegment;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The X-Ray SDK's {@code UDPEmitter} without the socket: the same serialization ({@code serialize()} /
 * {@code streamSerialize()}, i.e. Jackson), the same header line, the same UTF-8 encoding and the same split of an
 * oversized segment. Only {@code DatagramSocket.send} is left out, so the emit cost compares with ours.
 */
final class SerializeOnlyEmitter extends Emitter {
    private static final int UDP_PACKET_LIMIT = 63 * 1024;

    /** Read after a run so the JIT cannot drop the encoding. */
    long bytesEncoded;

    @Override
    public boolean sendSegment(Segment segment) {
        byte[] bytes = (PROTOCOL_HEADER + PROTOCOL_DELIMITER + segment.serialize()).getBytes(StandardCharsets.UTF_8);
        if (bytes.length > UDP_PACKET_LIMIT) {
            List<Subsegment> subsegments = segment.getSubsegmentsCopy();
            for (Subsegment subsegment : subsegments) {
                sendSubsegment(subsegment);
                segment.removeSubsegment(subsegment);
            }
            bytes = (PROTOCOL_HEADER + PROTOCOL_DELIMITER + segment.serialize()).getBytes(StandardCharsets.UTF_8);
        }
        bytesEncoded += bytes.length;
        return true;
    }

    @Override
    public boolean sendSubsegment(Subsegment subsegment) {
        byte[] bytes = (PROTOCOL_HEADER + PROTOCOL_DELIMITER + subsegment.streamSerialize())
                .getBytes(StandardCharsets.UTF_8);
        bytesEncoded += bytes.length;
        return true;
    }
}
