package dev.xraytracing.local.internal.services.sns;

import java.time.Instant;
import java.util.Map;

/**
 * A published message as SNS delivers it. {@code perProtocol} holds the texts of a {@code MessageStructure=json}
 * message ({@code lambda}, {@code sqs}, ..., with {@code default} in {@code message}); empty otherwise.
 * {@code traceHeader} is the publisher's, or null; {@code sequenceNumber}, {@code groupId} and {@code dedupId} only on
 * a FIFO topic.
 */
record Notification(String messageId, String topicArn, String subject, String message, Map<String, String> perProtocol,
                    Map<String, MessageAttribute> attributes, Instant timestamp, String sequenceNumber,
                    String groupId, String dedupId, String traceHeader) {
    /** The text a subscriber of {@code protocol} gets. */
    String messageFor(String protocol) {
        return perProtocol.getOrDefault(protocol, message);
    }
}
