package dev.xraytracing.local.template;

import java.util.List;
import java.util.Optional;

/**
 * A function's event that is not an API route, as plain data for the event sources that consume it (topics, rules and
 * schedules run; for the other types the run says once that the source does not run yet). {@code eventName} is the key under the
 * function's {@code Events}; ARNs and names are resolved as CloudFormation would.
 */
public sealed interface FunctionEvent {
    String eventName();

    /**
     * {@code SQS}: {@code FunctionResponseTypes: [ReportBatchItemFailures]} is {@code reportBatchItemFailures};
     * {@code filterPatterns} are the {@code Pattern}s of {@code FilterCriteria.Filters} (JSON text), empty for none.
     */
    record Sqs(String eventName, String queueArn, int batchSize, int maximumBatchingWindowSeconds,
               boolean reportBatchItemFailures, boolean enabled, List<String> filterPatterns) implements FunctionEvent {
        public Sqs {
            filterPatterns = List.copyOf(filterPatterns);
        }

        /** Without {@code FilterCriteria}. */
        public Sqs(String eventName, String queueArn, int batchSize, int maximumBatchingWindowSeconds,
                   boolean reportBatchItemFailures, boolean enabled) {
            this(eventName, queueArn, batchSize, maximumBatchingWindowSeconds, reportBatchItemFailures, enabled,
                    List.of());
        }
    }

    /**
     * {@code SNS}: the topic's ARN, the subscription's {@code FilterPolicy} (JSON), if any, and its
     * {@code FilterPolicyScope} ({@code MessageAttributes}, SNS's default, or {@code MessageBody}).
     */
    record Sns(String eventName, String topicArn, Optional<String> filterPolicy, String filterPolicyScope)
            implements FunctionEvent {
        /** SNS's default scope: the policy is matched against the message attributes. */
        public static final String ATTRIBUTES_SCOPE = "MessageAttributes";

        /** With SNS's default scope. */
        public Sns(String eventName, String topicArn, Optional<String> filterPolicy) {
            this(eventName, topicArn, filterPolicy, ATTRIBUTES_SCOPE);
        }
    }

    /**
     * {@code EventBridgeRule} or {@code CloudWatchEvent} (its older name): {@code pattern} JSON on bus
     * {@code eventBusName} ({@code default} when none is named); {@code enabled} false for {@code Enabled: false} or
     * {@code State: DISABLED}.
     */
    record EventBridgeRule(String eventName, String type, Optional<String> pattern, String eventBusName,
                           Optional<String> input, boolean enabled) implements FunctionEvent {
        /** An enabled rule. */
        public EventBridgeRule(String eventName, String type, Optional<String> pattern, String eventBusName,
                               Optional<String> input) {
            this(eventName, type, pattern, eventBusName, input, true);
        }
    }

    /** {@code Schedule} ({@code Schedule}) or {@code ScheduleV2} ({@code ScheduleExpression}). */
    record Schedule(String eventName, String type, String expression, boolean enabled, Optional<String> input)
            implements FunctionEvent {
    }

    /** {@code S3}: the bucket (a resource of the template), the event types and the key filter's rules. */
    record S3(String eventName, String bucketLogicalId, String bucketName, List<String> events,
              List<FilterRule> filter) implements FunctionEvent {
    }

    /** A key filter rule: {@code prefix} or {@code suffix}, and its value. */
    record FilterRule(String name, String value) {
    }
}
