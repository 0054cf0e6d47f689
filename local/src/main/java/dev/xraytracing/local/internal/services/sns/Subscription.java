package dev.xraytracing.local.internal.services.sns;

import java.util.Optional;

/**
 * A topic's subscriber: a function ({@code lambda}) or a queue ({@code sqs}) by ARN, with its filter policy and
 * whether the queue gets the message raw rather than in SNS's JSON envelope. Replaced, never changed, when an
 * attribute is set.
 */
record Subscription(String arn, String topicArn, String protocol, String endpoint, Optional<FilterPolicy> filter,
                    boolean rawMessageDelivery) {
    Subscription withFilter(Optional<FilterPolicy> newFilter) {
        return new Subscription(arn, topicArn, protocol, endpoint, newFilter, rawMessageDelivery);
    }

    Subscription withRawMessageDelivery(boolean raw) {
        return new Subscription(arn, topicArn, protocol, endpoint, filter, raw);
    }
}
