package dev.xraytracing.local.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import dev.xraytracing.lambda.TracedRequestHandler;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * A producer as users write them, with an unmodified SQS client: {@code {"send": text}} sends the text to
 * {@code QUEUE_URL} and answers the trace header it ran under; {@code {"depth": "dlq"}} answers how many messages the
 * dead-letter queue {@code DLQ_URL} holds; {@code {"peek": "dlq"}} receives them and answers their bodies and
 * {@code AWSTraceHeader}s.
 */
public final class QueueProducerHandler extends TracedRequestHandler<Map<String, String>, Map<String, String>> {
    /** Endpoint, region and credentials from the environment, as in Lambda. */
    private final SqsClient sqs = SqsClient.builder().httpClient(UrlConnectionHttpClient.create()).build();

    @Override
    protected Map<String, String> handle(Map<String, String> event, Context context) {
        String deadLetters = System.getenv("DLQ_URL");
        if (event.containsKey("send")) {
            sqs.sendMessage(b -> b.queueUrl(System.getenv("QUEUE_URL")).messageBody(event.get("send")));
            String header = System.getProperty("com.amazonaws.xray.traceHeader", System.getenv("_X_AMZN_TRACE_ID"));
            return Map.of("traceHeader", String.valueOf(header));
        }
        if (event.containsKey("depth")) {
            String visible = sqs.getQueueAttributes(b -> b.queueUrl(deadLetters)
                            .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                    .attributes().get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES);
            return Map.of("visible", visible);
        }
        List<Message> held = sqs.receiveMessage(b -> b.queueUrl(deadLetters).maxNumberOfMessages(10)
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
        return Map.of("bodies", String.join(",", held.stream().map(Message::body).toList()),
                "traceHeaders", String.join(",", held.stream()
                        .map(m -> m.attributes().getOrDefault(MessageSystemAttributeName.AWS_TRACE_HEADER, "none"))
                        .toList()));
    }
}
