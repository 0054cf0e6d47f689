package dev.xraytracing.local.internal.services.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * The event Lambda delivers for a batch of SQS messages: {@code Records}, each with the message's id, receipt handle,
 * body, system attributes (with {@code AWSTraceHeader} when the message carries one), message attributes in Lambda's
 * lower-camel shape, the body's MD5, {@code eventSource} {@code aws:sqs}, the queue's ARN and region.
 */
public final class SqsEvent {
    static final String EVENT_SOURCE = "aws:sqs";
    private static final ObjectMapper JSON = new ObjectMapper();

    private SqsEvent() {
    }

    static byte[] of(List<Message> messages, String queueArn, String region) {
        ObjectNode event = JSON.createObjectNode();
        ArrayNode records = event.putArray("Records");
        for (Message message : messages) {
            records.add(record(message, queueArn, region));
        }
        try {
            return JSON.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new IllegalStateException("an SQS event could not be written", e);
        }
    }

    /** One message as its record in the event, which is also what a filter pattern is matched against. */
    static ObjectNode record(Message message, String queueArn, String region) {
        ObjectNode record = JSON.createObjectNode();
        record.put("messageId", message.messageId());
        record.put("receiptHandle", message.receiptHandle());
        record.put("body", message.body());
        ObjectNode attributes = record.putObject("attributes");
        message.attributesAsStrings().forEach(attributes::put);
        ObjectNode messageAttributes = record.putObject("messageAttributes");
        message.messageAttributes().forEach((name, value) -> messageAttributes.set(name, attribute(value)));
        record.put("md5OfBody", message.md5OfBody());
        if (message.md5OfMessageAttributes() != null) {
            record.put("md5OfMessageAttributes", message.md5OfMessageAttributes());
        }
        record.put("eventSource", EVENT_SOURCE);
        record.put("eventSourceARN", queueArn);
        record.put("awsRegion", region);
        return record;
    }

    private static ObjectNode attribute(MessageAttributeValue value) {
        ObjectNode attribute = JSON.createObjectNode();
        if (value.stringValue() != null) {
            attribute.put("stringValue", value.stringValue());
        }
        if (value.binaryValue() != null) {
            attribute.put("binaryValue", base64(value.binaryValue()));
        }
        ArrayNode strings = attribute.putArray("stringListValues");
        value.stringListValues().forEach(strings::add);
        ArrayNode binaries = attribute.putArray("binaryListValues");
        value.binaryListValues().forEach(b -> binaries.add(base64(b)));
        attribute.put("dataType", value.dataType());
        return attribute;
    }

    private static String base64(SdkBytes bytes) {
        return Base64.getEncoder().encodeToString(bytes.asByteArray());
    }

    /** The producers' trace headers of a batch: each message's {@code AWSTraceHeader}, where it has one, in order. */
    static List<String> producerTraceHeaders(List<Message> messages) {
        String traceHeader = MessageSystemAttributeName.AWS_TRACE_HEADER.toString();
        return messages.stream()
                .map(message -> message.attributesAsStrings().get(traceHeader))
                .filter(Objects::nonNull)
                .toList();
    }

    /**
     * The producers' trace headers of an SQS event ({@code AWSTraceHeader} of each record that has one, in record
     * order), for the Lambda service's segment to link to; empty for any other payload. Lambda starts a new trace for
     * the invocation and links it to these, as X-Ray's "Tracing event-driven applications" describes.
     */
    public static List<String> producerTraceHeaders(byte[] payload) {
        List<String> headers = new ArrayList<>();
        try {
            JsonNode records = JSON.readTree(payload).path("Records");
            for (JsonNode record : records) {
                if (!EVENT_SOURCE.equals(record.path("eventSource").asText())) {
                    return List.of();
                }
                JsonNode header = record.path("attributes").path("AWSTraceHeader");
                if (header.isTextual()) {
                    headers.add(header.asText());
                }
            }
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        return List.copyOf(headers);
    }
}
