package dev.xraytracing.local.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import software.amazon.event.ruler.RuleCompiler;

/**
 * Reads a function's {@code Events}: API events into {@link ApiRoute}s, the event types of queues, topics, buses,
 * schedules and buckets into {@link FunctionEvent}s. A property that cannot be read, or that SAM does not accept
 * ({@link SamEventProperties}), is a {@link TemplateError}; an event type the run does not know is one warning.
 */
final class FunctionEvents {
    /** The event types whose event sources run (the others are read and said once not to run yet). */
    private static final Set<String> RUNNING = Set.of("SQS", "S3", "SNS", "EventBridgeRule", "CloudWatchEvent",
            "Schedule", "ScheduleV2");

    /** Lambda's default quota of filters per event source mapping, and the most a quota increase gives. */
    private static final int DEFAULT_MAX_FILTERS = 5;
    private static final int MAX_FILTERS_WITH_QUOTA_INCREASE = 10;

    private final Intrinsics intrinsics;
    private final Consumer<String> warn;

    FunctionEvents(Intrinsics intrinsics, Consumer<String> warn) {
        this.intrinsics = intrinsics;
        this.warn = warn;
    }

    /** The function's API routes, in template order. */
    List<ApiRoute> routes(String logicalId, String functionName, JsonNode events) {
        List<ApiRoute> routes = new ArrayList<>();
        events.fields().forEachRemaining(e -> route(logicalId, functionName, e.getKey(), e.getValue())
                .ifPresent(routes::add));
        return List.copyOf(routes);
    }

    /** The function's other events, in template order. */
    List<FunctionEvent> events(String logicalId, JsonNode events) {
        List<FunctionEvent> read = new ArrayList<>();
        events.fields().forEachRemaining(e -> {
            String type = e.getValue().path("Type").asText();
            SamEventProperties.check(logicalId, e.getKey(), type, e.getValue().path("Properties"), warn);
            if (type.equals("Api") || type.equals("HttpApi")) {
                return;
            }
            Optional<FunctionEvent> event = event(logicalId, e.getKey(), type, e.getValue().path("Properties"));
            if (event.isPresent()) {
                read.add(event.get());
                if (!RUNNING.contains(type)) {
                    warn.accept("function " + logicalId + ": event " + e.getKey() + " of type " + type
                            + " is read, but its event source does not run yet");
                }
            } else {
                warn.accept("function " + logicalId + ": event " + e.getKey() + " of type " + type
                        + " is not simulated");
            }
        });
        return List.copyOf(read);
    }

    private Optional<FunctionEvent> event(String logicalId, String name, String type, JsonNode p) {
        try {
            return Optional.ofNullable(switch (type) {
                case "SQS" -> sqs("function " + logicalId + ": event " + name, name, text(p, "Queue"), p);
                case "SNS" -> new FunctionEvent.Sns(name, text(p, "Topic"), json(p, "FilterPolicy"),
                        ResourceReader.filterPolicyScope(optionalText(p, "FilterPolicyScope"), ""));
                case "EventBridgeRule", "CloudWatchEvent" -> new FunctionEvent.EventBridgeRule(name, type,
                        json(p, "Pattern"), p.has("EventBusName")
                        ? ResourceIdentities.eventBusName(p, intrinsics) : "default", optionalText(p, "Input"),
                        bool(p, "Enabled", true) && !optionalText(p, "State").orElse("").equals("DISABLED"));
                case "Schedule" -> new FunctionEvent.Schedule(name, type, text(p, "Schedule"),
                        bool(p, "Enabled", true) && !optionalText(p, "State").orElse("").equals("DISABLED"),
                        optionalText(p, "Input"));
                case "ScheduleV2" -> new FunctionEvent.Schedule(name, type, text(p, "ScheduleExpression"),
                        !optionalText(p, "State").orElse("").equals("DISABLED"), optionalText(p, "Input"));
                case "S3" -> s3(name, p);
                default -> null;
            });
        } catch (Intrinsics.Unresolved e) {
            throw new TemplateError("event " + name + " (" + type + "): " + e.getMessage());
        } catch (TemplateError e) {
            throw new TemplateError("event " + name + " (" + type + "): " + e.getMessage());
        }
    }

    private FunctionEvent s3(String name, JsonNode p) {
        JsonNode bucket = p.path("Bucket");
        if (!bucket.has("Ref")) {
            throw new TemplateError("Bucket must be a Ref to a bucket of the template");
        }
        List<String> events = new ArrayList<>();
        JsonNode declared = intrinsics.resolve(p.path("Events"));
        if (declared.isArray()) {
            declared.forEach(e -> events.add(e.asText()));
        } else if (declared.isTextual()) {
            events.add(declared.asText());
        } else {
            throw new TemplateError("Events is missing");
        }
        return new FunctionEvent.S3(name, bucket.get("Ref").asText(), intrinsics.text(bucket), List.copyOf(events),
                keyFilter(intrinsics, p.path("Filter")));
    }

    /** An S3 notification's key filter, {@code S3Key.Rules} ({@code Name} prefix or suffix, {@code Value}). */
    static List<FunctionEvent.FilterRule> keyFilter(Intrinsics intrinsics, JsonNode filter) {
        List<FunctionEvent.FilterRule> rules = new ArrayList<>();
        for (JsonNode rule : filter.path("S3Key").path("Rules")) {
            if (!rule.has("Name") || !rule.has("Value")) {
                throw new TemplateError("Filter.S3Key.Rules: a rule needs a Name and a Value");
            }
            rules.add(new FunctionEvent.FilterRule(intrinsics.text(rule.get("Name")).toLowerCase(Locale.ROOT),
                    intrinsics.text(rule.get("Value"))));
        }
        return List.copyOf(rules);
    }

    private Optional<ApiRoute> route(String logicalId, String functionName, String eventName, JsonNode event) {
        String type = event.path("Type").asText();
        JsonNode p = event.path("Properties");
        ApiRoute.Kind kind;
        String api;
        if (type.equals("Api")) {
            kind = ApiRoute.Kind.REST;
            api = p.path("RestApiId").path("Ref").asText(SamTemplate.IMPLICIT_REST_API);
        } else if (type.equals("HttpApi")) {
            kind = ApiRoute.Kind.HTTP;
            api = p.path("ApiId").path("Ref").asText(SamTemplate.IMPLICIT_HTTP_API);
        } else {
            return Optional.empty();
        }
        String method = p.path("Method").asText(kind == ApiRoute.Kind.HTTP ? "ANY" : "");
        String path = p.path("Path").asText(kind == ApiRoute.Kind.HTTP ? "/{proxy+}" : "");
        if (method.isEmpty() || path.isEmpty()) {
            warn.accept("function " + logicalId + ": event " + eventName + " lacks Method or Path; skipped");
            return Optional.empty();
        }
        method = method.equalsIgnoreCase("any") || method.equals("x-amazon-apigateway-any-method") ? "ANY"
                : method.toUpperCase(Locale.ROOT);
        String payloadFormatVersion = kind == ApiRoute.Kind.REST ? "1.0"
                : optionalText(p, "PayloadFormatVersion").orElse("2.0");
        if (!payloadFormatVersion.equals("1.0") && !payloadFormatVersion.equals("2.0")) {
            throw new TemplateError("event " + eventName + " (HttpApi): PayloadFormatVersion " + payloadFormatVersion
                    + " must be 1.0 or 2.0");
        }
        return Optional.of(new ApiRoute(kind, api, method, path, functionName, payloadFormatVersion));
    }

    /**
     * An SQS event source mapping: SAM's {@code SQS} event and CloudFormation's {@code AWS::Lambda::EventSourceMapping}
     * name its settings alike (SAM passes them through). Checked as Lambda's {@code CreateEventSourceMapping} checks
     * them for a queue: a batch of 1 to 10,000 messages (10 for a FIFO queue), more than 10 only with a batching
     * window of at least a second, a window of 0 to 300 seconds.
     *
     * @param where how a warning names the mapping ({@code function Fn: event Jobs})
     */
    FunctionEvent.Sqs sqs(String where, String name, String queueArn, JsonNode p) {
        int batchSize = integer(p, "BatchSize", 10);
        int window = integer(p, "MaximumBatchingWindowInSeconds", 0);
        boolean fifo = queueArn.endsWith(".fifo");
        if (batchSize < 1 || batchSize > (fifo ? 10 : 10_000)) {
            throw new TemplateError("BatchSize " + batchSize + " is outside 1 to " + (fifo ? "10 for a FIFO queue"
                    : "10000") + ", which Lambda takes from an SQS queue");
        }
        if (window < 0 || window > 300) {
            throw new TemplateError("MaximumBatchingWindowInSeconds " + window + " is outside 0 to 300");
        }
        if (batchSize > 10 && window < 1) {
            throw new TemplateError("BatchSize " + batchSize + " needs MaximumBatchingWindowInSeconds of at least 1:"
                    + " Lambda takes more than 10 messages from a queue only with a batching window");
        }
        return new FunctionEvent.Sqs(name, queueArn, batchSize, window,
                contains(p.path("FunctionResponseTypes"), "ReportBatchItemFailures"), bool(p, "Enabled", true),
                filterPatterns(where, p));
    }

    /**
     * The {@code Pattern}s of an event source mapping's {@code FilterCriteria}, each checked as Lambda checks it when
     * the mapping is created: JSON text (CloudFormation takes a string, not a mapping) that is an event pattern.
     * AWS's default quota is 5 filters, 10 with an increase; past 10 is an error, past 5 one warning.
     */
    private List<String> filterPatterns(String where, JsonNode p) {
        JsonNode filters = intrinsics.resolve(p.path("FilterCriteria").path("Filters"));
        if (filters.isMissingNode() || filters.isNull()) {
            return List.of();
        }
        if (!filters.isArray()) {
            throw new TemplateError("FilterCriteria.Filters must be a list of filters with a Pattern each");
        }
        if (filters.size() > MAX_FILTERS_WITH_QUOTA_INCREASE) {
            throw new TemplateError("FilterCriteria has " + filters.size() + " filters; Lambda takes at most "
                    + MAX_FILTERS_WITH_QUOTA_INCREASE + " (5 without a quota increase)");
        }
        if (filters.size() > DEFAULT_MAX_FILTERS) {
            warn.accept(where + ": FilterCriteria has " + filters.size() + " filters; AWS refuses more than "
                    + DEFAULT_MAX_FILTERS + " unless the account's quota was raised");
        }
        List<String> patterns = new ArrayList<>();
        for (JsonNode filter : filters) {
            JsonNode pattern = intrinsics.resolve(filter.path("Pattern"));
            if (!pattern.isTextual()) {
                throw new TemplateError("FilterCriteria.Filters[" + patterns.size() + "].Pattern must be the pattern"
                        + " as a JSON string, as CloudFormation requires");
            }
            String problem = RuleCompiler.check(pattern.asText());
            if (problem != null) {
                throw new TemplateError("FilterCriteria.Filters[" + patterns.size() + "].Pattern is not an event"
                        + " pattern Lambda accepts: " + problem.lines().findFirst().orElse(problem).strip());
            }
            patterns.add(pattern.asText());
        }
        return List.copyOf(patterns);
    }

    private String text(JsonNode p, String property) {
        if (!p.has(property)) {
            throw new TemplateError(property + " is missing");
        }
        return intrinsics.text(p.get(property));
    }

    private Optional<String> optionalText(JsonNode p, String property) {
        return p.has(property) ? Optional.of(intrinsics.text(p.get(property))) : Optional.empty();
    }

    private Optional<String> json(JsonNode p, String property) {
        return p.has(property)
                ? Optional.of(ResourceReader.json(intrinsics.resolve(p.get(property)), property).toString())
                : Optional.empty();
    }

    private int integer(JsonNode p, String property, int absent) {
        String value = optionalText(p, property).orElse(null);
        try {
            return value == null ? absent : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new TemplateError(property + " is not a whole number: " + value);
        }
    }

    private boolean bool(JsonNode p, String property, boolean absent) {
        return optionalText(p, property).map(Boolean::parseBoolean).orElse(absent);
    }

    private boolean contains(JsonNode list, String value) {
        for (JsonNode item : intrinsics.resolve(list)) {
            if (item.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }
}
