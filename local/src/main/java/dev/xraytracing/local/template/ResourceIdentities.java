package dev.xraytracing.local.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What each simulated resource answers to {@code Ref} and {@code Fn::GetAtt}, as CloudFormation's "Return values"
 * for its type say, in account {@link #ACCOUNT_ID} and the run's region: its physical name (the template's, else
 * {@link PhysicalNames generated}), ARN and, for a queue, URL. Worked out on first use, since names may themselves
 * use intrinsics.
 */
final class ResourceIdentities {
    static final String ACCOUNT_ID = "123456789012";
    static final String STACK_NAME = "local";
    /** The label of a table's stream ARN; AWS's is the time the stream was enabled. */
    static final String STREAM_LABEL = "1970-01-01T00:00:00.000";

    /** @param ref what {@code Ref} returns; @param attributes what {@code Fn::GetAtt} returns, by attribute */
    record Identity(String type, String name, String ref, Map<String, String> attributes) {
    }

    private final Map<String, JsonNode> resources;
    private final String region;
    private final Map<String, Optional<Identity>> known = new HashMap<>();
    private final Set<String> working = new HashSet<>();

    ResourceIdentities(Map<String, JsonNode> resources, String region) {
        this.resources = resources;
        this.region = region;
    }

    /**
     * The resource's type, empty when the template declares no such resource. SAM's own resources count as declared
     * (the implicit APIs, a function's generated role), so that a reference to them is "not simulated", not an error.
     */
    Optional<String> type(String logicalId) {
        JsonNode declared = resources.get(logicalId);
        if (declared != null) {
            return Optional.of(declared.path("Type").asText());
        }
        if (logicalId.equals(SamTemplate.IMPLICIT_REST_API)) {
            return Optional.of("AWS::Serverless::Api");
        }
        if (logicalId.equals(SamTemplate.IMPLICIT_HTTP_API)) {
            return Optional.of("AWS::Serverless::HttpApi");
        }
        JsonNode function = logicalId.endsWith("Role")
                ? resources.get(logicalId.substring(0, logicalId.length() - "Role".length())) : null;
        return function != null && function.path("Type").asText().equals("AWS::Serverless::Function")
                ? Optional.of("AWS::IAM::Role") : Optional.empty();
    }

    /** The resource's identity, empty for a type the local run does not simulate. */
    Optional<Identity> of(String logicalId, Intrinsics intrinsics) {
        Optional<Identity> identity = known.get(logicalId);
        if (identity != null) {
            return identity;
        }
        if (!resources.containsKey(logicalId)) {
            return Optional.empty();
        }
        if (!working.add(logicalId)) {
            throw new Intrinsics.Unresolved(logicalId + "'s name refers to itself");
        }
        try {
            identity = Optional.ofNullable(build(logicalId, intrinsics));
        } finally {
            working.remove(logicalId);
        }
        known.put(logicalId, identity);
        return identity;
    }

    private Identity build(String id, Intrinsics intrinsics) {
        String type = type(id).orElseThrow();
        JsonNode p = resources.get(id).path("Properties");
        String arnStart = "arn:aws:";
        String account = ":" + ACCOUNT_ID + ":";
        Map<String, String> at = new LinkedHashMap<>();
        switch (type) {
            case "AWS::Serverless::Function", "AWS::Lambda::Function" -> {
                String name = name(p, "FunctionName", intrinsics).orElse(id);
                at.put("Arn", arnStart + "lambda:" + region + account + "function:" + name);
                return new Identity(type, name, name, at);
            }
            case "AWS::DynamoDB::Table", "AWS::Serverless::SimpleTable" -> {
                String name = name(p, "TableName", intrinsics)
                        .orElseGet(() -> PhysicalNames.generate(STACK_NAME, id, 255, false, ""));
                String arn = arnStart + "dynamodb:" + region + account + "table/" + name;
                at.put("Arn", arn);
                if (p.has("StreamSpecification")) {
                    at.put("StreamArn", arn + "/stream/" + STREAM_LABEL);
                }
                return new Identity(type, name, name, at);
            }
            case "AWS::SQS::Queue" -> {
                String ending = fifo(p) ? ".fifo" : "";
                String name = name(p, "QueueName", intrinsics)
                        .orElseGet(() -> PhysicalNames.generate(STACK_NAME, id, 80, false, ending));
                String url = "https://sqs." + region + ".amazonaws.com/" + ACCOUNT_ID + "/" + name;
                at.put("Arn", arnStart + "sqs:" + region + account + name);
                at.put("QueueName", name);
                at.put("QueueUrl", url);
                return new Identity(type, name, url, at);
            }
            case "AWS::S3::Bucket" -> {
                String name = name(p, "BucketName", intrinsics)
                        .orElseGet(() -> PhysicalNames.generate(STACK_NAME, id, 63, true, ""));
                at.put("Arn", "arn:aws:s3:::" + name);
                at.put("DomainName", name + ".s3.amazonaws.com");
                at.put("RegionalDomainName", name + ".s3." + region + ".amazonaws.com");
                at.put("DualStackDomainName", name + ".s3.dualstack." + region + ".amazonaws.com");
                return new Identity(type, name, name, at);
            }
            case "AWS::SNS::Topic" -> {
                String ending = fifo(p) ? ".fifo" : "";
                String name = name(p, "TopicName", intrinsics)
                        .orElseGet(() -> PhysicalNames.generate(STACK_NAME, id, 256, false, ending));
                String arn = arnStart + "sns:" + region + account + name;
                at.put("TopicArn", arn);
                at.put("TopicName", name);
                return new Identity(type, name, arn, at);
            }
            case "AWS::Events::EventBus" -> {
                String name = name(p, "Name", intrinsics).orElseThrow(() -> new TemplateError("Name is missing"));
                at.put("Arn", arnStart + "events:" + region + account + "event-bus/" + name);
                at.put("Name", name);
                return new Identity(type, name, name, at);
            }
            case "AWS::Events::Rule" -> {
                String name = name(p, "Name", intrinsics)
                        .orElseGet(() -> PhysicalNames.generate(STACK_NAME, id, 64, false, ""));
                String bus = eventBusName(p, intrinsics);
                boolean custom = !bus.equals("default");
                at.put("Arn", arnStart + "events:" + region + account + "rule/" + (custom ? bus + "/" : "") + name);
                return new Identity(type, name, custom ? bus + "|" + name : name, at);
            }
            case "AWS::Scheduler::Schedule" -> {
                String name = name(p, "Name", intrinsics)
                        .orElseGet(() -> PhysicalNames.generate(STACK_NAME, id, 64, false, ""));
                String group = name(p, "GroupName", intrinsics).orElse("default");
                at.put("Arn", arnStart + "scheduler:" + region + account + "schedule/" + group + "/" + name);
                return new Identity(type, name, name, at);
            }
            default -> {
                return null;
            }
        }
    }

    /** A rule's bus by name: {@code EventBusName} may hold a name or an ARN; none is the default bus. */
    static String eventBusName(JsonNode properties, Intrinsics intrinsics) {
        if (!properties.has("EventBusName")) {
            return "default";
        }
        String bus = intrinsics.text(properties.get("EventBusName"));
        return bus.startsWith("arn:") ? bus.substring(bus.lastIndexOf('/') + 1) : bus;
    }

    static boolean fifo(JsonNode properties) {
        return properties.path("FifoQueue").asBoolean(false) || properties.path("FifoTopic").asBoolean(false);
    }

    private static Optional<String> name(JsonNode properties, String property, Intrinsics intrinsics) {
        return properties.has(property) ? Optional.of(intrinsics.text(properties.get(property))) : Optional.empty();
    }
}
