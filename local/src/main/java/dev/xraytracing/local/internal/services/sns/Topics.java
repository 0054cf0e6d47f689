package dev.xraytracing.local.internal.services.sns;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** The run's topics and their subscriptions, by ARN; safe to use from the server's and the deliveries' threads. */
final class Topics {
    /** Protocols delivered here; SNS's others (http, https, email, sms, application, firehose) are not. */
    static final List<String> PROTOCOLS = List.of("lambda", "sqs");

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,256}");

    private final String region;
    private final String accountId;
    private final Map<String, Topic> byArn = new LinkedHashMap<>();

    Topics(String region, String accountId) {
        this.region = region;
        this.accountId = accountId;
    }

    /** The topic of that name, made if new: as SNS's CreateTopic, which returns an existing topic's ARN again. */
    synchronized Topic create(String name, Map<String, String> attributes) {
        boolean fifo = Boolean.parseBoolean(attributes.getOrDefault("FifoTopic", "false"));
        String base = name.endsWith(".fifo") ? name.substring(0, name.length() - ".fifo".length()) : name;
        if (!NAME.matcher(base).matches() || name.length() > 256) {
            throw SnsError.invalidParameter("Topic Name");
        }
        if (fifo != name.endsWith(".fifo")) {
            throw SnsError.invalidParameter(fifo ? "Fifo Topic names must end with .fifo and must be made up of only"
                    + " uppercase and lowercase ASCII letters, numbers, underscores, and hyphens, and must be between"
                    + " 1 and 256 characters long."
                    : "Topic Name");
        }
        String arn = "arn:aws:sns:" + region + ":" + accountId + ":" + name;
        Topic topic = byArn.computeIfAbsent(arn, a -> new Topic(name, a, fifo));
        attributes.forEach((key, value) -> {
            if (!key.equals("FifoTopic")) {
                topic.attributes.put(key, value);
            }
        });
        return topic;
    }

    synchronized Optional<Topic> find(String arn) {
        return Optional.ofNullable(byArn.get(arn));
    }

    Topic get(String arn) {
        return find(arn).orElseThrow(SnsError::topicNotFound);
    }

    synchronized List<Topic> all() {
        return new ArrayList<>(byArn.values());
    }

    synchronized void delete(String arn) {
        byArn.remove(arn);
    }

    /**
     * Subscribes {@code endpoint}; subscribing the same endpoint with the same protocol again returns the existing
     * subscription, as SNS does. {@code attributes}: {@code FilterPolicy}, {@code FilterPolicyScope},
     * {@code RawMessageDelivery}.
     */
    synchronized Subscription subscribe(Topic topic, String protocol, String endpoint, Map<String, String> attributes) {
        if (!PROTOCOLS.contains(protocol)) {
            throw new SnsError(400, "InvalidParameter", "Invalid parameter: Protocol Reason: xray-tracing-local"
                    + " delivers to the protocols " + PROTOCOLS + " only, not " + protocol);
        }
        if (topic.fifo && !protocol.equals("sqs")) {
            throw SnsError.invalidParameter("Invalid protocol type: " + protocol);
        }
        for (Subscription existing : topic.subscriptions) {
            if (existing.protocol().equals(protocol) && existing.endpoint().equals(endpoint)) {
                return existing;
            }
        }
        Subscription subscription = new Subscription(topic.arn + ":" + UUID.randomUUID(), topic.arn, protocol,
                endpoint, Optional.empty(), false);
        subscription = withAttributes(subscription, attributes);
        topic.subscriptions.add(subscription);
        return subscription;
    }

    /** The subscription with its attributes changed as {@code SetSubscriptionAttributes} changes them. */
    static Subscription withAttributes(Subscription subscription, Map<String, String> attributes) {
        Subscription changed = subscription;
        if (attributes.containsKey("FilterPolicy") || attributes.containsKey("FilterPolicyScope")) {
            String policy = attributes.getOrDefault("FilterPolicy",
                    changed.filter().map(FilterPolicy::policy).orElse("{}"));
            String scope = attributes.getOrDefault("FilterPolicyScope",
                    changed.filter().map(FilterPolicy::scope).orElse(FilterPolicy.ATTRIBUTES_SCOPE));
            changed = changed.withFilter(policy.isBlank() ? Optional.empty()
                    : Optional.of(FilterPolicy.of(policy, scope)));
        }
        if (attributes.containsKey("RawMessageDelivery")) {
            changed = changed.withRawMessageDelivery(Boolean.parseBoolean(attributes.get("RawMessageDelivery")));
        }
        for (String name : attributes.keySet()) {
            if (!List.of("FilterPolicy", "FilterPolicyScope", "RawMessageDelivery").contains(name)) {
                throw SnsError.invalidParameter("AttributeName Reason: xray-tracing-local does not simulate the"
                        + " subscription attribute " + name);
            }
        }
        return changed;
    }

    synchronized Optional<Subscription> subscription(String arn) {
        return byArn.values().stream().flatMap(t -> t.subscriptions.stream()).filter(s -> s.arn().equals(arn))
                .findFirst();
    }

    synchronized void replace(Subscription subscription) {
        Topic topic = byArn.get(subscription.topicArn());
        if (topic != null) {
            topic.subscriptions.replaceAll(s -> s.arn().equals(subscription.arn()) ? subscription : s);
        }
    }

    synchronized void unsubscribe(String subscriptionArn) {
        byArn.values().forEach(t -> t.subscriptions.removeIf(s -> s.arn().equals(subscriptionArn)));
    }
}
