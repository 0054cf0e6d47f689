package dev.xraytracing.local.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads CloudFormation's {@code AWS::Lambda::EventSourceMapping} resources, which teams write beside SAM's own
 * {@code SQS} events (or instead of them) and into which SAM's transform turns those events. A mapping from an SQS
 * queue to a function of the template runs as that function's {@code SQS} event does, named after the resource, with
 * the same settings read the same way ({@link FunctionEvents#sqs}). Any other event source (a DynamoDB or Kinesis
 * stream, Kafka, Amazon MQ, DocumentDB) is one warning, and so is a function the template does not declare.
 */
final class EventSourceMappings {
    static final String TYPE = "AWS::Lambda::EventSourceMapping";

    /**
     * The resource's properties, as CloudFormation's resource reference lists them; CloudFormation refuses any other
     * name when the stack is deployed.
     */
    private static final Set<String> ACCEPTED = Set.of("AmazonManagedKafkaEventSourceConfig", "BatchSize",
            "BisectBatchOnFunctionError", "DestinationConfig", "DocumentDBEventSourceConfig", "Enabled",
            "EventSourceArn", "FilterCriteria", "FunctionName", "FunctionResponseTypes", "KmsKeyArn", "LoggingConfig",
            "MaximumBatchingWindowInSeconds", "MaximumRecordAgeInSeconds", "MaximumRetryAttempts", "MetricsConfig",
            "ParallelizationFactor", "ProvisionedPollerConfig", "Queues", "ScalingConfig", "SelfManagedEventSource",
            "SelfManagedKafkaEventSourceConfig", "SourceAccessConfigurations", "StartingPosition",
            "StartingPositionTimestamp", "Tags", "Topics", "TumblingWindowInSeconds");
    /** What an SQS mapping's run reads. */
    private static final Set<String> READ = Set.of("EventSourceArn", "FunctionName", "BatchSize",
            "MaximumBatchingWindowInSeconds", "FunctionResponseTypes", "Enabled", "FilterCriteria");
    /** What changes nothing on one machine (keys, metrics, logging, tags). */
    private static final Set<String> QUIET = Set.of("KmsKeyArn", "MetricsConfig", "LoggingConfig", "Tags");
    /** What a mapping's event source is, by the service of its ARN, for the warning that it does not run. */
    private static final Map<String, String> SOURCES = Map.of("dynamodb", "a DynamoDB stream", "kinesis",
            "a Kinesis stream", "kafka", "an Amazon MSK cluster", "mq", "an Amazon MQ broker", "rds",
            "a DocumentDB change stream");

    /** A mapping that runs: the function's logical id and its SQS event. */
    record Mapping(String functionLogicalId, FunctionEvent.Sqs event) {
    }

    private final Intrinsics intrinsics;
    private final FunctionEvents events;
    private final Consumer<String> warn;

    EventSourceMappings(Intrinsics intrinsics, FunctionEvents events, Consumer<String> warn) {
        this.intrinsics = intrinsics;
        this.events = events;
        this.warn = warn;
    }

    /**
     * The mapping {@code id}, or empty (with one warning) when it does not run here.
     *
     * @throws TemplateError naming a property CloudFormation refuses, or one Lambda refuses for a queue
     */
    Optional<Mapping> read(String id, JsonNode p, Collection<TemplateFunction> functions) {
        String where = "resource " + id + " (" + TYPE + ")";
        for (Iterator<String> names = p.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!ACCEPTED.contains(name)) {
                throw new TemplateError(name + " is not a property of " + TYPE + "; CloudFormation refuses it");
            }
        }
        if (!p.has("FunctionName")) {
            throw new TemplateError("FunctionName is missing");
        }
        String functionName;
        String source;
        try {
            functionName = intrinsics.text(p.get("FunctionName"));
            source = p.has("EventSourceArn") ? intrinsics.text(p.get("EventSourceArn")) : "";
        } catch (Intrinsics.Undeclared e) {
            throw e;
        } catch (Intrinsics.Unresolved e) { // a stream, a broker or a function the run does not simulate
            warn.accept(where + ": not simulated (" + e.getMessage() + "); the mapping does not run");
            return Optional.empty();
        }
        String[] arn = source.split(":");
        String service = source.startsWith("arn:") && arn.length > 2 ? arn[2] : "";
        if (!service.equals("sqs")) {
            warn.accept(where + ": its event source, " + SOURCES.getOrDefault(service, source.isEmpty()
                    ? "one without an EventSourceArn" : source) + ", is not simulated; only SQS queues run");
            return Optional.empty();
        }
        Optional<TemplateFunction> function = TemplateFunction.named(functions, functionName);
        if (function.isEmpty()) {
            warn.accept(where + ": FunctionName " + functionName + " is not a function of this template; the mapping"
                    + " does not run");
            return Optional.empty();
        }
        for (Iterator<String> names = p.fieldNames(); names.hasNext(); ) {
            String property = names.next();
            if (!READ.contains(property) && !QUIET.contains(property)) {
                warn.accept(where + ": " + property + " is not simulated");
            }
        }
        return Optional.of(new Mapping(function.get().logicalId(), events.sqs(where, id, source, p)));
    }
}
