package dev.xraytracing.local.template;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A resource of the template that the local platform stands in for, as plain data: its logical id, its physical
 * name (the template's, else generated as CloudFormation does) and its ARN, in account {@code 123456789012} and the
 * run's region. One record per kind.
 */
public sealed interface TemplateResource {
    String logicalId();

    String name();

    String arn();

    /** {@code AWS::DynamoDB::Table} or {@code AWS::Serverless::SimpleTable}: billing mode and throughput ignored. */
    record Table(String logicalId, String name, String arn, Optional<String> streamArn, List<KeyElement> keySchema,
                 Map<String, String> attributeTypes, List<GlobalIndex> globalIndexes) implements TemplateResource {
    }

    /** One key attribute: {@code keyType} is {@code HASH} or {@code RANGE}. */
    record KeyElement(String attributeName, String keyType) {
    }

    /** A global secondary index; {@code projectionType} is {@code ALL}, {@code KEYS_ONLY} or {@code INCLUDE}. */
    record GlobalIndex(String indexName, List<KeyElement> keySchema, String projectionType,
                       List<String> nonKeyAttributes) {
    }

    /** {@code AWS::SQS::Queue}; {@code url} is what {@code Ref} returns. */
    record Queue(String logicalId, String name, String arn, String url, boolean fifo,
                 boolean contentBasedDeduplication, int visibilityTimeoutSeconds, int delaySeconds,
                 int messageRetentionSeconds, Optional<RedrivePolicy> redrivePolicy) implements TemplateResource {
    }

    /** Where a queue's messages go after {@code maxReceiveCount} receives: the dead-letter queue's ARN. */
    record RedrivePolicy(String deadLetterTargetArn, int maxReceiveCount) {
    }

    /** {@code AWS::S3::Bucket}. */
    record Bucket(String logicalId, String name, String arn) implements TemplateResource {
    }

    /**
     * {@code AWS::SNS::Topic}; its subscriptions come from its {@code Subscription} property and from
     * {@code AWS::SNS::Subscription} resources naming it.
     */
    record Topic(String logicalId, String name, String arn, boolean fifo, List<Subscription> subscriptions)
            implements TemplateResource {
    }

    /**
     * A topic's subscriber: {@code protocol} as SNS spells it ({@code lambda}, {@code sqs}, ...), {@code endpoint}
     * its ARN or address; {@code filterPolicy} JSON, if any; {@code rawMessageDelivery} from an
     * {@code AWS::SNS::Subscription}'s {@code RawMessageDelivery} (a queue then gets the message without SNS's JSON
     * envelope); {@code filterPolicyScope} its {@code FilterPolicyScope} ({@code MessageAttributes} or
     * {@code MessageBody}).
     */
    record Subscription(String protocol, String endpoint, Optional<String> filterPolicy, boolean rawMessageDelivery,
                        String filterPolicyScope) {
        /** A subscription with SNS's JSON envelope. */
        public Subscription(String protocol, String endpoint, Optional<String> filterPolicy) {
            this(protocol, endpoint, filterPolicy, false);
        }

        /** A subscription whose filter policy, if any, has SNS's default scope ({@code MessageAttributes}). */
        public Subscription(String protocol, String endpoint, Optional<String> filterPolicy,
                            boolean rawMessageDelivery) {
            this(protocol, endpoint, filterPolicy, rawMessageDelivery, FunctionEvent.Sns.ATTRIBUTES_SCOPE);
        }
    }

    /** {@code AWS::Events::EventBus}. */
    record EventBus(String logicalId, String name, String arn) implements TemplateResource {
    }

    /**
     * {@code AWS::Events::Rule}: on bus {@code eventBusName} ({@code default} when none is named), matching
     * {@code eventPattern} (JSON) or firing on {@code scheduleExpression}; {@code state} {@code ENABLED} unless the
     * template says otherwise.
     */
    record Rule(String logicalId, String name, String arn, String eventBusName, Optional<String> eventPattern,
                Optional<String> scheduleExpression, String state, List<Target> targets) implements TemplateResource {
    }

    /** A rule's target: its ARN, and the constant {@code input} (JSON) the rule sends instead of the event, if any. */
    record Target(String id, String arn, Optional<String> input) {
    }

    /**
     * {@code AWS::Scheduler::Schedule}, an EventBridge Scheduler schedule (what SAM makes of a {@code ScheduleV2}
     * event): firing on {@code scheduleExpression} into its one {@code target}; {@code state} {@code ENABLED} unless
     * the template says otherwise.
     */
    record SchedulerSchedule(String logicalId, String name, String arn, String scheduleExpression, String state,
                             Target target) implements TemplateResource {
    }
}
