package dev.xraytracing.local.internal.services.sns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * SNS's API as an unmodified SDK v2 {@code SnsClient} calls it (the query protocol): publishing
 * ({@code Publish}, {@code PublishBatch}), topics ({@code CreateTopic}, {@code ListTopics}, {@code GetTopicAttributes},
 * {@code SetTopicAttributes}, {@code DeleteTopic}) and subscriptions ({@code Subscribe}, {@code Unsubscribe},
 * {@code ListSubscriptions}, {@code ListSubscriptionsByTopic}, {@code GetSubscriptionAttributes},
 * {@code SetSubscriptionAttributes}). Every other action is an honest 501 naming what is served.
 */
final class SnsApi {
    static final List<String> ACTIONS = List.of("Publish", "PublishBatch", "CreateTopic", "ListTopics",
            "GetTopicAttributes", "SetTopicAttributes", "DeleteTopic", "Subscribe", "Unsubscribe", "ListSubscriptions",
            "ListSubscriptionsByTopic", "GetSubscriptionAttributes", "SetSubscriptionAttributes");
    /** SNS's limit on a message with its attributes: 256 KiB. */
    private static final int MAX_MESSAGE_BYTES = 262_144;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Topics topics;
    private final String accountId;
    private final Consumer<Notification> fanOut;

    /** {@code fanOut} delivers each accepted message to the topic's subscribers, asynchronously. */
    SnsApi(Topics topics, String accountId, Consumer<Notification> fanOut) {
        this.topics = topics;
        this.accountId = accountId;
        this.fanOut = fanOut;
    }

    /** The XML answer to {@code action}; an {@link SnsError} for a request SNS would refuse. */
    String answer(String action, QueryRequest request, String traceHeader, String requestId) {
        SnsXml result = new SnsXml();
        switch (action) {
            case "Publish" -> publish(request, traceHeader, result);
            case "PublishBatch" -> publishBatch(request, traceHeader, result);
            case "CreateTopic" -> result.element("TopicArn", topics.create(request.required("Name"),
                    request.keyValues("Attributes")).arn);
            case "ListTopics" -> {
                result.open("Topics");
                topics.all().forEach(t -> result.open("member").element("TopicArn", t.arn).close("member"));
                result.close("Topics");
            }
            case "GetTopicAttributes" -> result.entries("Attributes",
                    topicAttributes(topics.get(request.required("TopicArn"))));
            case "SetTopicAttributes" -> topics.get(request.required("TopicArn")).attributes
                    .put(request.required("AttributeName"), request.get("AttributeValue").orElse(""));
            case "DeleteTopic" -> topics.delete(request.required("TopicArn"));
            case "Subscribe" -> subscribe(request, result);
            case "Unsubscribe" -> topics.unsubscribe(request.required("SubscriptionArn"));
            case "ListSubscriptions" -> listSubscriptions(topics.all(), result);
            case "ListSubscriptionsByTopic" -> listSubscriptions(List.of(topics.get(request.required("TopicArn"))),
                    result);
            case "GetSubscriptionAttributes" -> result.entries("Attributes", subscriptionAttributes(
                    topics.subscription(request.required("SubscriptionArn"))
                            .orElseThrow(SnsError::subscriptionNotFound)));
            case "SetSubscriptionAttributes" -> {
                Subscription subscription = topics.subscription(request.required("SubscriptionArn"))
                        .orElseThrow(SnsError::subscriptionNotFound);
                topics.replace(Topics.withAttributes(subscription, Map.of(request.required("AttributeName"),
                        request.get("AttributeValue").orElse(""))));
            }
            default -> throw new SnsError(501, "NotImplemented", "xray-tracing-local's SNS does not simulate "
                    + action + "; it serves " + String.join(", ", ACTIONS));
        }
        return result.response(action, requestId);
    }

    private void publish(QueryRequest request, String traceHeader, SnsXml result) {
        Topic topic = target(request);
        Notification notification = notification(topic, request, traceHeader);
        fanOut.accept(notification);
        result.element("MessageId", notification.messageId()).element("SequenceNumber", notification.sequenceNumber());
    }

    /** Up to 10 entries, each accepted or refused on its own; one trace header (the request's) for all of them. */
    private void publishBatch(QueryRequest request, String traceHeader, SnsXml result) {
        Topic topic = topics.get(request.required("TopicArn"));
        List<QueryRequest> entries = request.members("PublishBatchRequestEntries");
        if (entries.isEmpty()) {
            throw new SnsError(400, "EmptyBatchRequest", "The batch request doesn't contain any entries.");
        }
        if (entries.size() > 10) {
            throw new SnsError(400, "TooManyEntriesInBatchRequest",
                    "The batch request contains more entries than permissible.");
        }
        Set<String> ids = new HashSet<>();
        for (QueryRequest entry : entries) {
            if (!ids.add(entry.required("Id"))) {
                throw new SnsError(400, "BatchEntryIdsNotDistinct",
                        "Two or more batch entries in the request have the same Id.");
            }
        }
        SnsXml failed = new SnsXml();
        result.open("Successful");
        for (QueryRequest entry : entries) {
            try {
                Notification notification = notification(topic, entry, traceHeader);
                fanOut.accept(notification);
                result.open("member").element("Id", entry.required("Id"))
                        .element("MessageId", notification.messageId())
                        .element("SequenceNumber", notification.sequenceNumber()).close("member");
            } catch (SnsError e) {
                failed.open("member").element("Id", entry.required("Id")).element("Code", e.code)
                        .element("Message", e.getMessage()).element("SenderFault", "true").close("member");
            }
        }
        result.close("Successful").open("Failed");
        result.raw(failed);
        result.close("Failed");
    }

    private Topic target(QueryRequest request) {
        if (request.get("PhoneNumber").isPresent()) {
            throw new SnsError(501, "NotImplemented", "xray-tracing-local's SNS publishes to topics only, not to"
                    + " phone numbers");
        }
        String arn = request.get("TopicArn").or(() -> request.get("TargetArn")).orElseThrow(() ->
                SnsError.invalidParameter("TopicArn or TargetArn Reason: no value for required parameter"));
        return topics.get(arn);
    }

    private Notification notification(Topic topic, QueryRequest request, String traceHeader) {
        String message = request.get("Message").orElse("");
        if (message.isEmpty()) {
            throw SnsError.invalidParameter("Empty message");
        }
        Map<String, MessageAttribute> attributes = request.messageAttributes("MessageAttributes");
        int size = message.getBytes(StandardCharsets.UTF_8).length;
        for (Map.Entry<String, MessageAttribute> a : attributes.entrySet()) {
            size += a.getKey().length() + a.getValue().type().length() + a.getValue().value().length();
        }
        if (size > MAX_MESSAGE_BYTES) {
            throw SnsError.invalidParameter("Message too long");
        }
        Map<String, String> perProtocol = new LinkedHashMap<>();
        if ("json".equals(request.get("MessageStructure").orElse(null))) {
            message = perProtocol(message, perProtocol);
        }
        String sequenceNumber = null;
        String groupId = null;
        String dedupId = null;
        if (topic.fifo) {
            groupId = request.get("MessageGroupId").orElseThrow(() -> SnsError.invalidParameter(
                    "The MessageGroupId parameter is required for FIFO topics"));
            dedupId = request.get("MessageDeduplicationId").orElse(sha256(message));
            sequenceNumber = topic.nextSequenceNumber();
        }
        return new Notification(UUID.randomUUID().toString(), topic.arn, request.get("Subject").orElse(null), message,
                perProtocol, attributes, Instant.now(), sequenceNumber, groupId, dedupId, traceHeader);
    }

    /** A {@code MessageStructure=json} message: each protocol's text into {@code perProtocol}; returns the default. */
    private static String perProtocol(String message, Map<String, String> perProtocol) {
        JsonNode structure;
        try {
            structure = JSON.readTree(message);
        } catch (IOException e) {
            throw SnsError.invalidParameter("Message Structure - JSON message body failed to parse");
        }
        if (structure == null || !structure.isObject() || !structure.path("default").isTextual()) {
            throw SnsError.invalidParameter("Message Structure - No default entry in JSON message body");
        }
        structure.fields().forEachRemaining(e -> perProtocol.put(e.getKey(), e.getValue().asText()));
        return perProtocol.remove("default");
    }

    private void subscribe(QueryRequest request, SnsXml result) {
        Topic topic = topics.get(request.required("TopicArn"));
        Subscription subscription = topics.subscribe(topic, request.required("Protocol"),
                request.required("Endpoint"), request.keyValues("Attributes"));
        result.element("SubscriptionArn", subscription.arn());
    }

    private void listSubscriptions(List<Topic> listed, SnsXml result) {
        result.open("Subscriptions");
        for (Topic topic : listed) {
            for (Subscription s : topic.subscriptions) {
                result.open("member").element("SubscriptionArn", s.arn()).element("Owner", accountId)
                        .element("Protocol", s.protocol()).element("Endpoint", s.endpoint())
                        .element("TopicArn", s.topicArn()).close("member");
            }
        }
        result.close("Subscriptions");
    }

    private Map<String, String> topicAttributes(Topic topic) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("TopicArn", topic.arn);
        attributes.put("Owner", accountId);
        attributes.put("DisplayName", "");
        attributes.put("SubscriptionsConfirmed", Integer.toString(topic.subscriptions.size()));
        attributes.put("SubscriptionsPending", "0");
        attributes.put("SubscriptionsDeleted", "0");
        if (topic.fifo) {
            attributes.put("FifoTopic", "true");
            attributes.put("ContentBasedDeduplication", "false");
        }
        attributes.putAll(topic.attributes);
        return attributes;
    }

    private Map<String, String> subscriptionAttributes(Subscription s) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("SubscriptionArn", s.arn());
        attributes.put("TopicArn", s.topicArn());
        attributes.put("Owner", accountId);
        attributes.put("Protocol", s.protocol());
        attributes.put("Endpoint", s.endpoint());
        attributes.put("ConfirmationWasAuthenticated", "true");
        attributes.put("PendingConfirmation", "false");
        attributes.put("RawMessageDelivery", Boolean.toString(s.rawMessageDelivery()));
        s.filter().ifPresent(f -> {
            attributes.put("FilterPolicy", f.policy());
            attributes.put("FilterPolicyScope", f.scope());
        });
        return attributes;
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (byte b : digest) {
                hex.append(String.format("%02x", b));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
