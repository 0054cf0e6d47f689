package dev.xraytracing.local.internal.services.sns;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * A message's attributes as raw message delivery hands them to a queue: SQS message attributes of the same data type
 * ({@code String.Array} is a valid SQS type, a {@code String} with a custom label), binary values decoded.
 */
final class QueueAttributes {
    private QueueAttributes() {
    }

    static Map<String, MessageAttributeValue> of(Map<String, MessageAttribute> attributes) {
        Map<String, MessageAttributeValue> sqs = new LinkedHashMap<>();
        attributes.forEach((name, a) -> sqs.put(name, a.binary()
                ? MessageAttributeValue.builder().dataType(a.type())
                        .binaryValue(SdkBytes.fromByteArray(Base64.getDecoder().decode(a.value()))).build()
                : MessageAttributeValue.builder().dataType(a.type()).stringValue(a.value()).build()));
        return sqs;
    }
}
