package dev.xraytracing.local.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.xraytracing.local.template.TemplateResource.KeyElement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads one resource of a simulated kind into its {@link TemplateResource} record. A property CloudFormation would
 * refuse is a {@link TemplateError} naming it; what is read but not simulated is ignored (billing, encryption, tags).
 */
final class ResourceReader {
    static final List<String> TYPES = List.of("AWS::DynamoDB::Table", "AWS::Serverless::SimpleTable",
            "AWS::SQS::Queue", "AWS::S3::Bucket", "AWS::SNS::Topic", "AWS::Events::EventBus", "AWS::Events::Rule",
            SchedulerSchedules.TYPE);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> SIMPLE_TABLE_TYPES = Map.of("String", "S", "Number", "N", "Binary", "B");

    private final Map<String, JsonNode> resources;
    private final ResourceIdentities identities;
    private final Intrinsics intrinsics;

    ResourceReader(Map<String, JsonNode> resources, ResourceIdentities identities, Intrinsics intrinsics) {
        this.resources = resources;
        this.identities = identities;
        this.intrinsics = intrinsics;
    }

    /** The resource's record; {@code warn} hears what is skipped (a rule's target that is not simulated). */
    TemplateResource read(String id, Consumer<String> warn) {
        ResourceIdentities.Identity identity = identities.of(id, intrinsics).orElseThrow();
        JsonNode p = resources.get(id).path("Properties");
        String arn = identity.attributes().getOrDefault("Arn", identity.attributes().get("TopicArn"));
        return switch (identity.type()) {
            case "AWS::DynamoDB::Table" -> table(p, id, identity);
            case "AWS::Serverless::SimpleTable" -> simpleTable(p, id, identity);
            case "AWS::SQS::Queue" -> queue(p, id, identity);
            case "AWS::S3::Bucket" -> new TemplateResource.Bucket(id, identity.name(), arn);
            case "AWS::SNS::Topic" -> new TemplateResource.Topic(id, identity.name(), arn,
                    ResourceIdentities.fifo(p), subscriptions(id, p, arn, warn));
            case "AWS::Events::EventBus" -> new TemplateResource.EventBus(id, identity.name(), arn);
            case "AWS::Events::Rule" -> rule(p, id, identity, warn);
            case SchedulerSchedules.TYPE -> new SchedulerSchedules(intrinsics).read(p, id, identity, warn);
            default -> throw new IllegalArgumentException(identity.type());
        };
    }

    private TemplateResource table(JsonNode p, String id, ResourceIdentities.Identity identity) {
        JsonNode schema = required(p, "KeySchema");
        Map<String, String> types = new LinkedHashMap<>();
        for (JsonNode attribute : required(p, "AttributeDefinitions")) {
            types.put(text(attribute, "AttributeDefinitions", "AttributeName"),
                    text(attribute, "AttributeDefinitions", "AttributeType"));
        }
        List<KeyElement> keys = keySchema(schema, "KeySchema", types);
        List<TemplateResource.GlobalIndex> indexes = new ArrayList<>();
        for (JsonNode index : p.path("GlobalSecondaryIndexes")) {
            String name = text(index, "GlobalSecondaryIndexes", "IndexName");
            String where = "GlobalSecondaryIndexes " + name;
            JsonNode projection = index.path("Projection");
            List<String> nonKey = new ArrayList<>();
            projection.path("NonKeyAttributes").forEach(a -> nonKey.add(intrinsics.text(a)));
            indexes.add(new TemplateResource.GlobalIndex(name, keySchema(required(index, "KeySchema", where),
                    where + " KeySchema", types), projection.path("ProjectionType").asText("ALL"), List.copyOf(nonKey)));
        }
        return new TemplateResource.Table(id, identity.name(), identity.attributes().get("Arn"),
                Optional.ofNullable(identity.attributes().get("StreamArn")), keys, Map.copyOf(types),
                List.copyOf(indexes));
    }

    private TemplateResource simpleTable(JsonNode p, String id, ResourceIdentities.Identity identity) {
        JsonNode key = p.path("PrimaryKey");
        String name = key.has("Name") ? intrinsics.text(key.get("Name")) : "id";
        String type = SIMPLE_TABLE_TYPES.get(key.has("Type") ? intrinsics.text(key.get("Type")) : "String");
        if (type == null) {
            throw new TemplateError("PrimaryKey Type " + key.get("Type") + " is not String, Number or Binary");
        }
        return new TemplateResource.Table(id, identity.name(), identity.attributes().get("Arn"),
                Optional.ofNullable(identity.attributes().get("StreamArn")), List.of(new KeyElement(name, "HASH")),
                Map.of(name, type), List.of());
    }

    private List<KeyElement> keySchema(JsonNode schema, String where, Map<String, String> types) {
        List<KeyElement> keys = new ArrayList<>();
        for (JsonNode element : schema) {
            String name = text(element, where, "AttributeName");
            String keyType = text(element, where, "KeyType");
            if (!keyType.equals("HASH") && !keyType.equals("RANGE")) {
                throw new TemplateError(where + " KeyType " + keyType + " is neither HASH nor RANGE");
            }
            if (!types.containsKey(name)) {
                throw new TemplateError(where + " names " + name + ", which AttributeDefinitions does not define");
            }
            keys.add(new KeyElement(name, keyType));
        }
        if (keys.isEmpty() || !keys.get(0).keyType().equals("HASH")) {
            throw new TemplateError(where + " must start with a HASH key");
        }
        return List.copyOf(keys);
    }

    private TemplateResource queue(JsonNode p, String id, ResourceIdentities.Identity identity) {
        boolean fifo = ResourceIdentities.fifo(p);
        if (fifo != identity.name().endsWith(".fifo")) {
            throw new TemplateError("QueueName " + identity.name() + (fifo ? " must end with .fifo for a FIFO queue"
                    : " ends with .fifo but FifoQueue is not true"));
        }
        Optional<TemplateResource.RedrivePolicy> redrive = Optional.empty();
        if (p.has("RedrivePolicy")) {
            JsonNode policy = json(resolved(p, "RedrivePolicy"), "RedrivePolicy");
            String target = text(policy, "RedrivePolicy", "deadLetterTargetArn");
            int maxReceiveCount = integer(policy, "RedrivePolicy", "maxReceiveCount", -1);
            if (maxReceiveCount < 1 || maxReceiveCount > 1000) {
                throw new TemplateError("RedrivePolicy maxReceiveCount must be 1 to 1000, not " + maxReceiveCount);
            }
            redrive = Optional.of(new TemplateResource.RedrivePolicy(target, maxReceiveCount));
        }
        int visibility = integer(p, "", "VisibilityTimeout", 30);
        if (visibility < 0 || visibility > 43_200) {
            throw new TemplateError("VisibilityTimeout must be 0 to 43200 seconds, not " + visibility);
        }
        return new TemplateResource.Queue(id, identity.name(), identity.attributes().get("Arn"), identity.ref(), fifo,
                p.path("ContentBasedDeduplication").asBoolean(false), visibility,
                integer(p, "", "DelaySeconds", 0),
                integer(p, "", "MessageRetentionPeriod", 345_600), redrive);
    }

    private List<TemplateResource.Subscription> subscriptions(String id, JsonNode p, String arn,
                                                             Consumer<String> warn) {
        List<TemplateResource.Subscription> subscriptions = new ArrayList<>();
        for (JsonNode s : p.path("Subscription")) {
            subscription(s, "Subscription", Optional.empty(), false, "resource " + id, warn)
                    .ifPresent(subscriptions::add);
        }
        resources.forEach((otherId, resource) -> {
            JsonNode sp = resource.path("Properties");
            if (resource.path("Type").asText().equals("AWS::SNS::Subscription") && arn.equals(topicArn(sp))) {
                Optional<String> filter = sp.has("FilterPolicy")
                        ? Optional.of(json(resolved(sp, "FilterPolicy"), "FilterPolicy").toString()) : Optional.empty();
                boolean raw = sp.has("RawMessageDelivery")
                        && Boolean.parseBoolean(intrinsics.text(sp.get("RawMessageDelivery")));
                String scope = filterPolicyScope(sp.has("FilterPolicyScope")
                        ? Optional.of(intrinsics.text(sp.get("FilterPolicyScope"))) : Optional.empty(),
                        "(in subscription " + otherId + ") ");
                subscription(sp, "(in subscription " + otherId + ")", filter, raw, "resource " + otherId, warn)
                        .map(found -> new TemplateResource.Subscription(found.protocol(), found.endpoint(),
                                found.filterPolicy(), found.rawMessageDelivery(), scope))
                        .ifPresent(subscriptions::add);
            }
        });
        return List.copyOf(subscriptions);
    }

    /** The subscription, or empty with a warning when its endpoint is a resource that is not simulated. */
    private Optional<TemplateResource.Subscription> subscription(JsonNode s, String where, Optional<String> filter,
                                                                 boolean raw, String owner, Consumer<String> warn) {
        String protocol = text(s, where, "Protocol");
        if (!s.has("Endpoint")) {
            throw new TemplateError(where + " Endpoint is missing");
        }
        try {
            return Optional.of(new TemplateResource.Subscription(protocol, intrinsics.text(s.get("Endpoint")), filter,
                    raw));
        } catch (Intrinsics.Undeclared e) {
            throw new TemplateError(where + " Endpoint: " + e.getMessage());
        } catch (Intrinsics.Unresolved e) {
            warn.accept(owner + ": subscription " + protocol + " is skipped: " + e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * {@code FilterPolicyScope}: {@code MessageAttributes} (SNS's default) or {@code MessageBody}; any other value is
     * refused, as SNS refuses it. {@code where} prefixes the error ({@code "(in subscription S) "}, or empty).
     */
    static String filterPolicyScope(Optional<String> value, String where) {
        String scope = value.orElse(FunctionEvent.Sns.ATTRIBUTES_SCOPE);
        if (!scope.equals(FunctionEvent.Sns.ATTRIBUTES_SCOPE) && !scope.equals("MessageBody")) {
            throw new TemplateError(where + "FilterPolicyScope " + scope + " must be MessageAttributes or "
                    + "MessageBody");
        }
        return scope;
    }

    private String topicArn(JsonNode subscription) {
        try {
            return subscription.has("TopicArn") ? intrinsics.text(subscription.get("TopicArn")) : null;
        } catch (Intrinsics.Unresolved e) {
            return null;
        }
    }

    /**
     * A rule target's properties that change what is delivered, or when, and are not simulated: the target gets the
     * whole event (or its {@code Input}) at once. ({@code Id}, {@code Arn}, {@code Input} are read; {@code RoleArn}
     * changes nothing on one machine.)
     */
    private static final List<String> UNSIMULATED_TARGET_PROPERTIES = List.of("InputPath", "InputTransformer",
            "RetryPolicy", "DeadLetterConfig", "SqsParameters", "HttpParameters", "KinesisParameters",
            "EcsParameters", "BatchParameters", "RunCommandParameters", "SageMakerPipelineParameters",
            "RedshiftDataParameters", "AppSyncParameters");

    private TemplateResource rule(JsonNode p, String id, ResourceIdentities.Identity identity, Consumer<String> warn) {
        Optional<String> pattern = p.has("EventPattern")
                ? Optional.of(json(resolved(p, "EventPattern"), "EventPattern").toString())
                : Optional.empty();
        Optional<String> schedule = p.has("ScheduleExpression")
                ? Optional.of(intrinsics.text(p.get("ScheduleExpression"))) : Optional.empty();
        if (pattern.isEmpty() && schedule.isEmpty()) {
            throw new TemplateError("EventPattern or ScheduleExpression is missing");
        }
        List<TemplateResource.Target> targets = new ArrayList<>();
        for (JsonNode target : p.path("Targets")) {
            String targetId = target.path("Id").asText("?");
            for (String unsimulated : UNSIMULATED_TARGET_PROPERTIES) {
                if (target.has(unsimulated)) {
                    warn.accept("resource " + id + ": target " + targetId + ": " + unsimulated + " is not simulated");
                }
            }
            try {
                targets.add(new TemplateResource.Target(targetId, intrinsics.text(target.path("Arn")),
                        target.has("Input") ? Optional.of(intrinsics.text(target.get("Input"))) : Optional.empty()));
            } catch (Intrinsics.Unresolved e) {
                warn.accept("resource " + id + ": target " + targetId + " is skipped: " + e.getMessage());
            }
        }
        return new TemplateResource.Rule(id, identity.name(), identity.attributes().get("Arn"),
                ResourceIdentities.eventBusName(p, intrinsics), pattern, schedule,
                p.has("State") ? intrinsics.text(p.get("State")) : "ENABLED", List.copyOf(targets));
    }

    /** A policy or pattern given as an object or as JSON text (CloudFormation takes both). */
    static JsonNode json(JsonNode value, String property) {
        if (!value.isTextual()) {
            return value;
        }
        try {
            return JSON.readTree(value.asText());
        } catch (Exception e) {
            throw new TemplateError(property + " is not JSON: " + value.asText());
        }
    }

    private JsonNode resolved(JsonNode p, String property) {
        try {
            return intrinsics.resolve(p.get(property));
        } catch (Intrinsics.Unresolved e) {
            throw new TemplateError(property + ": " + e.getMessage());
        }
    }

    private static JsonNode required(JsonNode p, String property) {
        return required(p, property, property);
    }

    private static JsonNode required(JsonNode p, String property, String where) {
        JsonNode value = p.get(property);
        if (value == null || !value.isArray() || value.isEmpty()) {
            throw new TemplateError((where.equals(property) ? property : where + " " + property) + " is missing");
        }
        return value;
    }

    /** A field's text; {@code where} is the property it belongs to, empty for a property of the resource. */
    private String text(JsonNode node, String where, String field) {
        String property = where.isEmpty() ? field : where + " " + field;
        JsonNode value = node.get(field);
        if (value == null) {
            throw new TemplateError(property + " is missing");
        }
        try {
            return intrinsics.text(value);
        } catch (Intrinsics.Unresolved e) {
            throw new TemplateError(property + ": " + e.getMessage());
        }
    }

    private int integer(JsonNode node, String where, String field, int absent) {
        if (!node.has(field)) {
            return absent;
        }
        String value = text(node, where, field);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new TemplateError((where.isEmpty() ? field : where + " " + field) + " is not a whole number: "
                    + value);
        }
    }
}
