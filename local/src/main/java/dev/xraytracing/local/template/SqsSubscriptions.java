package dev.xraytracing.local.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A function's {@code SNS} event with {@code SqsSubscription}, expanded before the template is read, as SAM's
 * transform expands it ({@code SNS.to_cloudformation} in samtranslator/model/eventsources/push.py): the topic delivers
 * to a queue, and the function reads the queue through an SQS event source mapping, so it gets SQS events whose bodies
 * are SNS's envelopes.
 * <ul>
 *   <li>{@code true}: a queue {@code {Function}{Event}Queue} is added (FIFO when the topic is);</li>
 *   <li>a map: the queue is {@code QueueArn}'s ({@code QueueUrl} is required too, as SAM requires it), and
 *       {@code BatchSize} sets the mapping's; SAM leaves the mapping enabled whatever {@code Enabled} says, and so
 *       does this.</li>
 * </ul>
 * The subscription {@code {Function}{Event}} carries the event's {@code FilterPolicy} and {@code FilterPolicyScope};
 * the event becomes an {@code SQS} event on the queue (batch size 10 unless set).
 */
final class SqsSubscriptions {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SqsSubscriptions() {
    }

    /**
     * Expands the SNS events of function {@code functionId} that have an {@code SqsSubscription}, adding what SAM adds
     * to {@code declared}. Each such event's properties are checked against SAM's list first ({@code warn} hears what
     * is not simulated), since the event is an SQS event afterwards.
     *
     * @throws TemplateError naming the event, for what SAM refuses
     */
    static void expand(String functionId, Map<String, JsonNode> declared, Consumer<String> warn) {
        JsonNode events = declared.get(functionId).path("Properties").path("Events");
        if (!events.isObject()) {
            return;
        }
        List<String> eventIds = new ArrayList<>();
        events.fieldNames().forEachRemaining(eventIds::add);
        for (String eventId : eventIds) {
            JsonNode event = events.get(eventId);
            JsonNode properties = event.path("Properties");
            JsonNode subscription = properties.path("SqsSubscription");
            if (!event.path("Type").asText().equals("SNS") || subscription.isMissingNode()
                    || subscription.isBoolean() && !subscription.asBoolean()) {
                continue;
            }
            String where = "event " + eventId + " (SNS): ";
            SamEventProperties.check(functionId, eventId, "SNS", properties, warn);
            String logicalId = functionId + eventId;
            JsonNode queueArn;
            JsonNode batchSize = NODES.numberNode(10);
            if (subscription.isBoolean()) {
                String queueId = logicalId + "Queue";
                ObjectNode queueProperties = NODES.objectNode();
                if (fifoTopic(properties.path("Topic"), declared)) {
                    queueProperties.put("FifoQueue", true);
                }
                add(declared, queueId, "AWS::SQS::Queue", queueProperties, where);
                queueArn = NODES.objectNode().set("Fn::GetAtt", NODES.arrayNode().add(queueId).add("Arn"));
            } else if (subscription.isObject()) {
                if (!subscription.has("QueueArn") || !subscription.has("QueueUrl")) {
                    throw new TemplateError(where + "SqsSubscription: No QueueARN or QueueURL provided.");
                }
                queueArn = subscription.get("QueueArn");
                if (subscription.has("BatchSize")) {
                    batchSize = subscription.get("BatchSize");
                }
            } else {
                throw new TemplateError(where + "SqsSubscription must be true, false or a map with QueueArn and "
                        + "QueueUrl");
            }
            ObjectNode subscribed = NODES.objectNode();
            subscribed.set("TopicArn", properties.path("Topic"));
            subscribed.put("Protocol", "sqs");
            subscribed.set("Endpoint", queueArn);
            for (String carried : List.of("FilterPolicy", "FilterPolicyScope")) {
                if (properties.has(carried)) {
                    subscribed.set(carried, properties.get(carried));
                }
            }
            add(declared, logicalId, "AWS::SNS::Subscription", subscribed, where);
            ObjectNode mapping = NODES.objectNode();
            mapping.put("Type", "SQS");
            ObjectNode mappingProperties = mapping.putObject("Properties");
            mappingProperties.set("Queue", queueArn);
            mappingProperties.set("BatchSize", batchSize);
            ((ObjectNode) events).set(eventId, mapping);
        }
    }

    /** Whether {@code topic} is a {@code Ref} to a topic of the template with {@code FifoTopic: true}. */
    private static boolean fifoTopic(JsonNode topic, Map<String, JsonNode> declared) {
        JsonNode resource = declared.get(topic.path("Ref").asText(""));
        return resource != null && resource.path("Properties").path("FifoTopic").asBoolean(false);
    }

    private static void add(Map<String, JsonNode> declared, String logicalId, String type, ObjectNode properties,
                            String where) {
        if (declared.containsKey(logicalId)) {
            throw new TemplateError(where + "SqsSubscription adds resource " + logicalId + ", which the template "
                    + "declares already");
        }
        ObjectNode resource = NODES.objectNode();
        resource.put("Type", type);
        resource.set("Properties", properties);
        declared.put(logicalId, resource);
    }
}
