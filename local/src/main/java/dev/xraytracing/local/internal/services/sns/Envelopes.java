package dev.xraytracing.local.internal.services.sns;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

/**
 * What a subscriber receives, field for field as SNS sends it: Lambda's {@code aws:sns} event (one record; the
 * certificate and unsubscribe fields spelled {@code SigningCertUrl}/{@code UnsubscribeUrl}, {@code Subject} null when
 * absent, {@code MessageAttributes} always present) and the JSON envelope a queue gets ({@code SigningCertURL},
 * {@code UnsubscribeURL}; {@code Subject} and {@code MessageAttributes} only when present; {@code SequenceNumber} on a
 * FIFO topic). Messages are not signed here: {@code Signature} says so in base64, and the certificate address
 * answers 404.
 */
final class Envelopes {
    static final String SIGNATURE = Base64.getEncoder().encodeToString(
            "not signed: delivered by xray-tracing-local".getBytes(StandardCharsets.UTF_8));
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String endpoint;

    /** {@code endpoint}: the SNS service's address, where the certificate and unsubscribe addresses point. */
    Envelopes(String endpoint) {
        this.endpoint = endpoint;
    }

    /** The event a Lambda subscriber is invoked with. */
    String lambdaEvent(Notification n, Subscription s) {
        ObjectNode sns = JSON.createObjectNode()
                .put("Type", "Notification")
                .put("MessageId", n.messageId())
                .put("TopicArn", n.topicArn())
                .put("Subject", n.subject())
                .put("Message", n.messageFor("lambda"))
                .put("Timestamp", TIMESTAMP.format(n.timestamp()))
                .put("SignatureVersion", "1")
                .put("Signature", SIGNATURE)
                .put("SigningCertUrl", certificateUrl())
                .put("UnsubscribeUrl", unsubscribeUrl(s));
        sns.set("MessageAttributes", attributes(n));
        ObjectNode event = JSON.createObjectNode();
        ArrayNode records = event.putArray("Records");
        ObjectNode record = records.addObject()
                .put("EventSource", "aws:sns")
                .put("EventVersion", "1.0")
                .put("EventSubscriptionArn", s.arn());
        record.set("Sns", sns);
        return event.toString();
    }

    /** The body a queue subscriber gets without raw message delivery. */
    String queueEnvelope(Notification n, Subscription s) {
        ObjectNode body = JSON.createObjectNode()
                .put("Type", "Notification")
                .put("MessageId", n.messageId());
        if (n.sequenceNumber() != null) {
            body.put("SequenceNumber", n.sequenceNumber());
        }
        body.put("TopicArn", n.topicArn());
        if (n.subject() != null) {
            body.put("Subject", n.subject());
        }
        body.put("Message", n.messageFor("sqs"))
                .put("Timestamp", TIMESTAMP.format(n.timestamp()))
                .put("SignatureVersion", "1")
                .put("Signature", SIGNATURE)
                .put("SigningCertURL", certificateUrl())
                .put("UnsubscribeURL", unsubscribeUrl(s));
        if (!n.attributes().isEmpty()) {
            body.set("MessageAttributes", attributes(n));
        }
        return body.toString();
    }

    private ObjectNode attributes(Notification n) {
        ObjectNode attributes = JSON.createObjectNode();
        n.attributes().forEach((name, a) -> attributes.putObject(name).put("Type", a.type()).put("Value", a.value()));
        return attributes;
    }

    private String certificateUrl() {
        return endpoint + "/SimpleNotificationService-xray-tracing-local.pem";
    }

    private String unsubscribeUrl(Subscription s) {
        return endpoint + "/?Action=Unsubscribe&SubscriptionArn=" + s.arn();
    }
}
