package dev.xraytracing.local.internal.services.eventbridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.xraytracing.local.internal.services.Targets;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * EventBridge's API as an unmodified SDK v2 {@code EventBridgeClient} calls it (JSON 1.1, {@code X-Amz-Target:
 * AWSEvents.<Operation>}): {@code PutEvents}, and reading the template's buses and rules ({@code ListEventBuses},
 * {@code DescribeEventBus}, {@code ListRules}, {@code DescribeRule}, {@code ListTargetsByRule}). Rules are the
 * template's; every other operation is an honest 501 naming what is served.
 */
final class EventBridgeApi {
    static final List<String> OPERATIONS = List.of("PutEvents", "ListEventBuses", "DescribeEventBus", "ListRules",
            "DescribeRule", "ListTargetsByRule");

    /** An accepted event: its bus, the event as delivered, and the trace header it carries (or null). */
    record Accepted(String bus, ObjectNode event, String traceHeader) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Buses buses;
    private final String region;
    private final String accountId;
    private final Consumer<Accepted> route;

    /** {@code route} matches each accepted event against its bus's rules and delivers it, asynchronously. */
    EventBridgeApi(Buses buses, String region, String accountId, Consumer<Accepted> route) {
        this.buses = buses;
        this.region = region;
        this.accountId = accountId;
        this.route = route;
    }

    /** The JSON answer to {@code operation}; an {@link EventBridgeError} for a request EventBridge would refuse. */
    ObjectNode answer(String operation, JsonNode request, String httpTraceHeader) {
        return switch (operation) {
            case "PutEvents" -> putEvents(request, httpTraceHeader);
            case "ListEventBuses" -> {
                ObjectNode answer = JSON.createObjectNode();
                ArrayNode list = answer.putArray("EventBuses");
                String prefix = request.path("NamePrefix").asText("");
                buses.busNames().stream().filter(b -> b.startsWith(prefix))
                        .forEach(b -> list.addObject().put("Name", b).put("Arn", buses.busArn(b)));
                yield answer;
            }
            case "DescribeEventBus" -> {
                String bus = bus(request.path("Name").asText(""));
                yield JSON.createObjectNode().put("Name", bus).put("Arn", buses.busArn(bus));
            }
            case "ListRules" -> {
                ObjectNode answer = JSON.createObjectNode();
                ArrayNode list = answer.putArray("Rules");
                String prefix = request.path("NamePrefix").asText("");
                buses.rules(bus(request.path("EventBusName").asText(""))).stream()
                        .filter(r -> r.name().startsWith(prefix)).forEach(r -> describe(r, list.addObject()));
                yield answer;
            }
            case "DescribeRule" -> describe(rule(request, "Name"), JSON.createObjectNode())
                    .put("CreatedBy", accountId);
            case "ListTargetsByRule" -> {
                ObjectNode answer = JSON.createObjectNode();
                ArrayNode list = answer.putArray("Targets");
                rule(request, "Rule").targets().forEach(t -> {
                    ObjectNode target = list.addObject().put("Id", t.id()).put("Arn", t.arn());
                    t.input().ifPresent(input -> target.put("Input", input));
                });
                yield answer;
            }
            default -> throw new EventBridgeError(501, "NotImplemented", "xray-tracing-local's EventBridge does not"
                    + " simulate " + operation + "; it serves " + String.join(", ", OPERATIONS));
        };
    }

    /**
     * Each entry accepted or refused on its own. The trace header is the entry's {@code TraceHeader}, else the
     * request's {@code X-Amzn-Trace-Id} ("PutEventsRequestEntry overrides the HTTP trace header", EventBridge's X-Ray
     * page); one that is not valid is dropped and the event still delivered.
     */
    private ObjectNode putEvents(JsonNode request, String httpTraceHeader) {
        JsonNode entries = request.path("Entries");
        if (!entries.isArray() || entries.isEmpty() || entries.size() > 10) {
            throw new EventBridgeError(400, "ValidationException", "1 validation error detected: Value at 'entries'"
                    + " failed to satisfy constraint: Member must have length less than or equal to 10 and greater"
                    + " than or equal to 1");
        }
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode results = JSON.createArrayNode();
        int failed = 0;
        for (JsonNode entry : entries) {
            ObjectNode result = results.addObject();
            try {
                Accepted accepted = accept(entry, httpTraceHeader);
                route.accept(accepted);
                result.put("EventId", accepted.event().path("id").asText());
            } catch (EventBridgeError e) {
                failed++;
                result.put("ErrorCode", e.type).put("ErrorMessage", e.getMessage());
            }
        }
        answer.put("FailedEntryCount", failed);
        answer.set("Entries", results);
        return answer;
    }

    private Accepted accept(JsonNode entry, String httpTraceHeader) {
        String source = required(entry, "Source");
        String detailType = required(entry, "DetailType");
        String detailText = required(entry, "Detail");
        if (source.startsWith("aws.")) {
            throw new EventBridgeError(400, "NotAuthorizedForSourceException", "Not authorized for the source.");
        }
        JsonNode detail;
        try {
            detail = JSON.readTree(detailText);
        } catch (IOException e) {
            detail = null;
        }
        if (detail == null || !detail.isObject()) {
            throw new EventBridgeError(400, "MalformedDetail", "Detail is malformed.");
        }
        String busName = entry.path("EventBusName").asText("");
        String bus = buses.bus(busName).orElseThrow(() -> new EventBridgeError(400, "ResourceNotFoundException",
                "Event bus " + busName + " does not exist."));
        List<String> resources = new ArrayList<>();
        entry.path("Resources").forEach(r -> resources.add(r.asText()));
        Instant time = entry.path("Time").isNumber()
                ? Instant.ofEpochMilli(new BigDecimal(entry.path("Time").asText()).movePointRight(3).longValue())
                : Instant.now();
        String traceHeader = Optional.ofNullable(Targets.validTraceHeader(entry.path("TraceHeader").asText(null)))
                .orElse(httpTraceHeader);
        return new Accepted(bus, EventEnvelope.of(detailType, source, accountId, time, region, resources, detail),
                traceHeader);
    }

    private static String required(JsonNode entry, String field) {
        String value = entry.path(field).asText("");
        if (value.isEmpty()) {
            throw new EventBridgeError(400, "InvalidArgument", "Parameter " + field + " is not valid. Reason: "
                    + field + " is a required argument.");
        }
        return value;
    }

    private String bus(String nameOrArn) {
        return buses.bus(nameOrArn).orElseThrow(() -> new EventBridgeError(400, "ResourceNotFoundException",
                "Event bus " + nameOrArn + " does not exist."));
    }

    private EventRule rule(JsonNode request, String field) {
        String bus = bus(request.path("EventBusName").asText(""));
        String name = request.path(field).asText("");
        return buses.rule(bus, name).orElseThrow(() -> new EventBridgeError(400, "ResourceNotFoundException",
                "Rule " + name + " does not exist on EventBus " + bus + "."));
    }

    private static ObjectNode describe(EventRule rule, ObjectNode out) {
        out.put("Name", rule.name()).put("Arn", rule.arn());
        rule.pattern().ifPresent(p -> out.put("EventPattern", p));
        rule.scheduleExpression().ifPresent(s -> out.put("ScheduleExpression", s));
        return out.put("State", rule.enabled() ? "ENABLED" : "DISABLED").put("EventBusName", rule.busName());
    }
}
