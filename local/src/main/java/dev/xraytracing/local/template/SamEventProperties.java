package dev.xraytracing.local.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What SAM accepts under each simulated event type's {@code Properties}, as its transform lists them
 * ({@code property_types} in samtranslator/model/eventsources/push.py, pull.py and scheduler.py of
 * aws/serverless-application-model, read at 7000d0a3b). A name outside a type's list is refused, as the transform
 * refuses it ("property X not defined for resource of type SQS"), so a typo fails here as it fails {@code sam deploy}.
 * Of the accepted names, each type lists those this run reads and those that change nothing on one machine (names,
 * descriptions, keys, roles, logging); any other is one warning that it is not simulated.
 */
final class SamEventProperties {
    /** What one event type accepts, reads, and may ignore without a word. */
    private record Kind(Set<String> accepted, Set<String> read, Set<String> quiet) {
    }

    /** Every pull event source's properties (PullEventSource), which an SQS event accepts too. */
    private static final Set<String> PULL = Set.of("BatchSize", "StartingPosition", "StartingPositionTimestamp",
            "Enabled", "MaximumBatchingWindowInSeconds", "MaximumRetryAttempts", "BisectBatchOnFunctionError",
            "MaximumRecordAgeInSeconds", "DestinationConfig", "ParallelizationFactor", "Topics", "Queues",
            "SourceAccessConfigurations", "SecretsManagerKmsKeyId", "TumblingWindowInSeconds", "FunctionResponseTypes",
            "KafkaBootstrapServers", "FilterCriteria", "KmsKeyArn", "ConsumerGroupId", "ScalingConfig",
            "ProvisionedPollerConfig", "SchemaRegistryConfig", "MetricsConfig", "LoggingConfig");
    private static final Kind RULE = new Kind(
            Set.of("EventBusName", "RuleName", "Pattern", "DeadLetterConfig", "RetryPolicy", "Input", "InputPath",
                    "Target", "Enabled", "State", "InputTransformer"),
            Set.of("EventBusName", "Pattern", "Input", "Enabled", "State"),
            Set.of("RuleName", "Target"));

    private static final Map<String, Kind> KINDS = Map.of(
            "SQS", new Kind(plus(PULL, "Queue"),
                    Set.of("Queue", "BatchSize", "MaximumBatchingWindowInSeconds", "FunctionResponseTypes", "Enabled",
                            "FilterCriteria"),
                    Set.of("KmsKeyArn", "MetricsConfig", "LoggingConfig")),
            "SNS", new Kind(Set.of("Topic", "Region", "FilterPolicy", "FilterPolicyScope", "SqsSubscription",
                    "RedrivePolicy"),
                    Set.of("Topic", "FilterPolicy", "FilterPolicyScope", "SqsSubscription"), Set.of()),
            "EventBridgeRule", RULE,
            "CloudWatchEvent", RULE,
            "Schedule", new Kind(Set.of("Schedule", "RuleName", "Input", "Enabled", "State", "Name", "Description",
                    "DeadLetterConfig", "RetryPolicy"),
                    Set.of("Schedule", "Input", "Enabled", "State"), Set.of("RuleName", "Name", "Description")),
            "ScheduleV2", new Kind(Set.of("PermissionsBoundary", "ScheduleExpression", "FlexibleTimeWindow", "Name",
                    "State", "Description", "StartDate", "EndDate", "ScheduleExpressionTimezone", "GroupName",
                    "KmsKeyArn", "Input", "RoleArn", "DeadLetterConfig", "RetryPolicy", "OmitName"),
                    Set.of("ScheduleExpression", "State", "Input"),
                    Set.of("PermissionsBoundary", "Name", "Description", "GroupName", "KmsKeyArn", "RoleArn",
                            "OmitName")),
            "S3", new Kind(Set.of("Bucket", "Events", "Filter"), Set.of("Bucket", "Events", "Filter"), Set.of()),
            "Api", new Kind(Set.of("Path", "Method", "RestApiId", "Stage", "Auth", "RequestModel",
                    "RequestParameters", "TimeoutInMillis", "ResponseTransferMode"),
                    Set.of("Path", "Method", "RestApiId"), Set.of()),
            "HttpApi", new Kind(Set.of("Path", "Method", "ApiId", "Stage", "Auth", "TimeoutInMillis", "RouteSettings",
                    "PayloadFormatVersion"),
                    Set.of("Path", "Method", "ApiId", "PayloadFormatVersion"), Set.of()));

    private SamEventProperties() {
    }

    /**
     * Checks the {@code Properties} of an event of {@code type} (types this run does not simulate are not checked:
     * the whole event is one warning already).
     *
     * @param warn hears {@code "function Fn: event Jobs (SQS): ScalingConfig is not simulated"}
     * @throws TemplateError naming a property SAM does not accept for the type
     */
    static void check(String logicalId, String eventName, String type, JsonNode properties, Consumer<String> warn) {
        Kind kind = KINDS.get(type);
        if (kind == null || !properties.isObject()) {
            return;
        }
        for (Iterator<String> names = properties.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!kind.accepted().contains(name)) {
                throw new TemplateError("event " + eventName + " (" + type + "): "
                        + SamProperties.refusal(name, "event type " + type, type));
            }
            if (!kind.read().contains(name) && !kind.quiet().contains(name)) {
                warn.accept("function " + logicalId + ": event " + eventName + " (" + type + "): " + name
                        + " is not simulated");
            }
        }
    }

    private static Set<String> plus(Set<String> set, String name) {
        Set<String> all = new HashSet<>(set);
        all.add(name);
        return Set.copyOf(all);
    }
}
