package dev.xraytracing.local.internal.services.eventbridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.xraytracing.internal.TraceHeader;
import dev.xraytracing.local.internal.HttpServers;
import dev.xraytracing.local.internal.TraceIds;
import dev.xraytracing.local.internal.services.DeliveringService;
import dev.xraytracing.local.internal.services.ServiceContext;
import dev.xraytracing.local.internal.services.Targets;
import dev.xraytracing.local.template.FunctionEvent;
import dev.xraytracing.local.template.TemplateResource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * EventBridge on the local platform: the default bus and the template's buses, the template's rules and those SAM
 * makes for functions' {@code EventBridgeRule}, {@code CloudWatchEvent} and {@code Schedule} events, EventBridge's
 * API for functions' SDK clients ({@link EventBridgeApi}), and delivery: each event put on a bus goes, asynchronously,
 * to every target of every enabled rule whose pattern matches it (event-ruler), with the rule's {@code Input} in its
 * place where one is given, and with the event's trace header.
 */
public final class EventBridgeService extends DeliveringService {
    public static final String ENDPOINT_VARIABLE = "AWS_ENDPOINT_URL_EVENTBRIDGE";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Buses buses;
    private final EventBridgeApi api;

    public EventBridgeService(ServiceContext context) {
        super(context, "EventBridge service", "eventbridge");
        this.buses = new Buses(context.region(), context.accountId());
        this.api = new EventBridgeApi(buses, context.region(), context.accountId(), this::route);
        serveAfter(this::createFromTemplate);
    }

    /** Whether the template declares a bus or a rule, or a function has an event pattern rule. */
    public static boolean needed(ServiceContext context) {
        return !context.resources(TemplateResource.EventBus.class).isEmpty()
                || !context.resources(TemplateResource.Rule.class).isEmpty()
                || !context.events(FunctionEvent.EventBridgeRule.class).isEmpty();
    }

    private void createFromTemplate() {
        context.resources(TemplateResource.EventBus.class).forEach(b -> buses.addBus(b.name()));
        for (TemplateResource.Rule rule : context.resources(TemplateResource.Rule.class)) {
            add(EventRule.of(rule), "rule " + rule.logicalId());
        }
        for (Map.Entry<String, FunctionEvent.EventBridgeRule> e : context.events(FunctionEvent.EventBridgeRule.class)) {
            String where = "function " + e.getKey() + ": event " + e.getValue().eventName();
            if (e.getValue().pattern().isEmpty()) {
                context.say().accept(where + " has no Pattern; it receives nothing");
                continue;
            }
            add(EventRule.of(e.getKey(), context.region(), context.accountId(), e.getValue()), where);
        }
        for (Map.Entry<String, FunctionEvent.Schedule> e : context.events(FunctionEvent.Schedule.class)) {
            if (e.getValue().type().equals("Schedule")) {
                add(EventRule.of(e.getKey(), context.region(), context.accountId(), e.getValue()),
                        "function " + e.getKey() + ": event " + e.getValue().eventName());
            }
        }
    }

    private void add(EventRule rule, String where) {
        try {
            buses.addRule(rule);
        } catch (IllegalArgumentException e) {
            context.say().accept(where + " is skipped: " + e.getMessage());
        }
    }

    /** Delivers an accepted event to the targets of every rule it matches, each on its own. */
    private void route(EventBridgeApi.Accepted accepted) {
        String eventId = accepted.event().path("id").asText();
        String event = accepted.event().toString();
        for (EventRule rule : buses.matching(accepted.bus(), accepted.event())) {
            for (TemplateResource.Target target : rule.targets()) {
                deliveries.submit("EventBridge rule " + rule.name() + " to " + Targets.describe(target.arn())
                                + " (event " + eventId + ")",
                        () -> targets.deliver(target.arn(), target.input().orElse(event), accepted.traceHeader(),
                                rule.name(), eventId));
            }
        }
    }

    @Override
    protected void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = String.valueOf(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
            String operation = target.startsWith("AWSEvents.") ? target.substring("AWSEvents.".length()) : target;
            String requestId = TraceIds.newRequestId();
            int status = 200;
            ObjectNode answer;
            try {
                JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
                answer = api.answer(operation, request == null ? JSON.createObjectNode() : request,
                        Targets.validTraceHeader(exchange.getRequestHeaders().getFirst(TraceHeader.NAME)));
            } catch (EventBridgeError e) {
                status = e.status;
                answer = JSON.createObjectNode().put("__type", e.type).put("message", e.getMessage());
            } catch (IOException e) {
                status = 400;
                answer = JSON.createObjectNode().put("__type", "SerializationException")
                        .put("message", "the request is not JSON: " + e.getMessage());
            }
            exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
            exchange.getResponseHeaders().set("x-amzn-RequestId", requestId);
            HttpServers.respond(exchange, status, answer.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    @Override
    public String endpointVariable() {
        return ENDPOINT_VARIABLE;
    }




}
