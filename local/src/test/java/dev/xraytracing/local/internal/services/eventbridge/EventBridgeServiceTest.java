package dev.xraytracing.local.internal.services.eventbridge;

import static dev.xraytracing.local.internal.services.ServiceTesting.ACCOUNT;
import static dev.xraytracing.local.internal.services.ServiceTesting.asEvent;
import static dev.xraytracing.local.internal.services.ServiceTesting.awaitQuiet;
import static dev.xraytracing.local.internal.services.ServiceTesting.client;
import static dev.xraytracing.local.internal.services.ServiceTesting.context;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.xraytracing.local.internal.services.RecordingLambda;
import dev.xraytracing.local.internal.services.ServiceContext;
import dev.xraytracing.local.internal.services.ServiceTesting;
import dev.xraytracing.local.internal.services.sns.SnsService;
import dev.xraytracing.local.template.FunctionEvent;
import dev.xraytracing.local.template.TemplateResource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException;
import software.amazon.awssdk.services.eventbridge.model.Rule;

/**
 * EventBridge as an unmodified {@code EventBridgeClient} uses it: events put on a bus reach the targets of the rules
 * whose patterns match (event-ruler), as the envelope EventBridge delivers or as the rule's {@code Input}, with the
 * entry's trace header; the template's buses and rules can be read back; what is not simulated fails honestly.
 */
class EventBridgeServiceTest {
    static final String TRACE = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1";
    static final String OTHER_TRACE = "Root=1-5759e988-00000000e1be46a994272793;Parent=1111111111111111;Sampled=1";

    final RecordingLambda lambda = new RecordingLambda();
    final List<String> said = ServiceTesting.said();
    final List<AutoCloseable> started = new ArrayList<>();
    EventBridgeService service;
    EventBridgeClient events;

    void start(List<TemplateResource> resources, Map<String, List<FunctionEvent>> functionEvents) {
        ServiceContext context = context(resources, functionEvents, lambda, said);
        if (!context.resources(TemplateResource.Topic.class).isEmpty()) {
            SnsService sns = new SnsService(context);
            started.add(sns);
            context.endpoints().put(sns.endpointVariable(), sns.endpoint());
        }
        service = new EventBridgeService(context);
        events = client(EventBridgeClient.builder(), service.endpoint());
        started.add(events);
        started.add(service);
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable closeable : started) {
            closeable.close();
        }
    }

    static String functionArn(String name) {
        return "arn:aws:lambda:us-east-1:" + ACCOUNT + ":function:" + name;
    }

    static TemplateResource.Rule rule(String name, String bus, String pattern, TemplateResource.Target... targets) {
        return new TemplateResource.Rule(name, name, "arn:aws:events:us-east-1:" + ACCOUNT + ":rule/"
                + (bus.equals("default") ? "" : bus + "/") + name, bus, Optional.of(pattern), Optional.empty(),
                "ENABLED", List.of(targets));
    }

    static TemplateResource.Target function(String name) {
        return new TemplateResource.Target(name, functionArn(name), Optional.empty());
    }

    static FunctionEvent.EventBridgeRule onBus(String name, String bus, String pattern) {
        return new FunctionEvent.EventBridgeRule(name, "EventBridgeRule", Optional.of(pattern), bus, Optional.empty());
    }

    @Test
    void a_matching_event_reaches_the_function_as_the_envelope_eventbridge_delivers_with_the_entrys_trace_header() {
        start(List.of(new TemplateResource.EventBus("Bus", "shop", "arn:aws:events:us-east-1:" + ACCOUNT
                        + ":event-bus/shop"), rule("Shipped", "shop", "{\"source\":[\"shop.orders\"]}", function("Notifier"))),
                Map.of());
        Instant time = Instant.parse("2026-12-07T01:02:03Z");

        PutEventsResponse put = events.putEvents(r -> r.entries(PutEventsRequestEntry.builder().eventBusName("shop")
                .source("shop.orders").detailType("Shipped").detail("{\"order\":7}").resources("arn:aws:x:::order/7")
                .time(time).traceHeader(TRACE).build())
                .overrideConfiguration(o -> o.putHeader("X-Amzn-Trace-Id", OTHER_TRACE)));
        awaitQuiet(service::quiet);

        assertThat(put.failedEntryCount()).isZero();
        assertThat(lambda.invocations()).singleElement().satisfies(invocation -> {
            assertThat(invocation.functionName()).isEqualTo("Notifier");
            assertThat(invocation.traceHeader()).as("the entry's TraceHeader overrides the HTTP header")
                    .isEqualTo(TRACE);
            ScheduledEvent event = asEvent(invocation.payload(), ScheduledEvent.class);
            assertThat(event.getId()).isEqualTo(put.entries().get(0).eventId());
            assertThat(event.getDetailType()).isEqualTo("Shipped");
            assertThat(event.getSource()).isEqualTo("shop.orders");
            assertThat(event.getAccount()).isEqualTo(ACCOUNT);
            assertThat(event.getRegion()).isEqualTo("us-east-1");
            assertThat(event.getResources()).containsExactly("arn:aws:x:::order/7");
            assertThat(event.getTime().getMillis()).isEqualTo(time.toEpochMilli());
            assertThat(event.getDetail()).containsEntry("order", 7);
            assertThat(invocation.payload()).startsWith("{\"version\":\"0\",\"id\":");
        });
    }

    @Test
    void without_an_entry_trace_header_the_requests_http_header_travels_and_an_invalid_one_is_dropped() {
        start(List.of(rule("All", "default", "{\"source\":[{\"prefix\":\"\"}]}", function("Fn"))), Map.of());

        events.putEvents(r -> r.entries(entry("a", "{}"))
                .overrideConfiguration(o -> o.putHeader("X-Amzn-Trace-Id", OTHER_TRACE)));
        events.putEvents(r -> r.entries(entry("b", "{}").toBuilder().traceHeader("Root=garbage").build()));
        awaitQuiet(service::quiet);

        assertThat(lambda.invocations()).extracting(RecordingLambda.Invocation::traceHeader)
                .as("the dropped header leaves only the new root Lambda keeps for the event's retries, undecided")
                .hasSize(2).contains(OTHER_TRACE)
                .anyMatch(header -> header.matches("Root=1-[0-9a-f]{8}-[0-9a-f]{24}"));
    }

    @Test
    void patterns_match_as_event_ruler_matches_prefix_numeric_anything_but_and_exists() {
        start(List.of(), Map.of(
                "Prefix", List.of(onBus("Prefix", "default", "{\"source\":[{\"prefix\":\"shop.\"}]}")),
                "Numeric", List.of(onBus("Numeric", "default",
                        "{\"detail\":{\"total\":[{\"numeric\":[\">\",100,\"<=\",500]}]}}")),
                "AnythingBut", List.of(onBus("AnythingBut", "default",
                        "{\"detail-type\":[{\"anything-but\":[\"Test\"]}]}")),
                "Exists", List.of(onBus("Exists", "default", "{\"detail\":{\"coupon\":[{\"exists\":true}]}}")),
                "Missing", List.of(onBus("Missing", "default", "{\"detail\":{\"coupon\":[{\"exists\":false}]}}"))));

        events.putEvents(r -> r.entries(entry("shop.orders", "{\"total\":150,\"coupon\":\"X\"}"),
                entry("shop.orders", "{\"total\":100}"),
                entry("billing", "{\"total\":500}").toBuilder().detailType("Test").build()));
        awaitQuiet(service::quiet);

        assertThat(lambda.invocationsOf("Prefix")).hasSize(2);
        assertThat(lambda.invocationsOf("Numeric")).as("150 and 500, not 100").hasSize(2);
        assertThat(lambda.invocationsOf("AnythingBut")).hasSize(2);
        assertThat(lambda.invocationsOf("Exists")).hasSize(1);
        assertThat(lambda.invocationsOf("Missing")).hasSize(2);
    }

    @Test
    void a_rules_input_replaces_the_event_and_a_custom_buss_rules_see_only_that_buss_events() {
        start(List.of(new TemplateResource.EventBus("Bus", "shop", "arn:aws:events:us-east-1:" + ACCOUNT
                + ":event-bus/shop")), Map.of(
                "OnShop", List.of(onBus("OnShop", "shop", "{\"source\":[\"s\"]}")),
                "OnDefault", List.of(new FunctionEvent.EventBridgeRule("OnDefault", "CloudWatchEvent",
                        Optional.of("{\"source\":[\"s\"]}"), "default", Optional.of("{\"fixed\":true}")))));

        events.putEvents(r -> r.entries(entry("s", "{}")));
        awaitQuiet(service::quiet);

        assertThat(lambda.invocations()).singleElement().satisfies(i -> {
            assertThat(i.functionName()).isEqualTo("OnDefault");
            assertThat(i.payload()).isEqualTo("{\"fixed\":true}");
        });
    }

    @Test
    void a_disabled_rule_delivers_nothing() {
        TemplateResource.Rule enabled = rule("Off", "default", "{\"source\":[\"s\"]}", function("Fn"));
        start(List.of(new TemplateResource.Rule(enabled.logicalId(), enabled.name(), enabled.arn(), "default",
                enabled.eventPattern(), Optional.empty(), "DISABLED", enabled.targets())), Map.of());

        events.putEvents(r -> r.entries(entry("s", "{}")));
        awaitQuiet(service::quiet);

        assertThat(lambda.invocations()).isEmpty();
        assertThat(events.describeRule(r -> r.name("Off")).stateAsString()).isEqualTo("DISABLED");
    }

    @Test
    void a_functions_disabled_eventbridge_rule_event_delivers_nothing() {
        start(List.of(), Map.of("Fn", List.of(new FunctionEvent.EventBridgeRule("Off", "EventBridgeRule",
                Optional.of("{\"source\":[\"s\"]}"), "default", Optional.empty(), false))));

        events.putEvents(r -> r.entries(entry("s", "{}")));
        awaitQuiet(service::quiet);

        assertThat(lambda.invocations()).isEmpty();
        assertThat(events.describeRule(r -> r.name("FnOff")).stateAsString()).isEqualTo("DISABLED");
    }

    @Test
    void a_topic_target_gets_the_event_published_with_its_trace_header_and_passes_both_on_to_its_subscriber() {
        String topicArn = "arn:aws:sns:us-east-1:" + ACCOUNT + ":shipped";
        start(List.of(new TemplateResource.Topic("Shipped", "shipped", topicArn, false, List.of(
                        new TemplateResource.Subscription("lambda", functionArn("Subscriber"), Optional.empty()))),
                rule("ToTopic", "default", "{\"source\":[\"s\"]}", new TemplateResource.Target("t", topicArn,
                        Optional.empty()))), Map.of());

        events.putEvents(r -> r.entries(entry("s", "{\"n\":1}").toBuilder().traceHeader(TRACE).build()));
        awaitQuiet(service::quiet);
        awaitQuiet(() -> !lambda.invocations().isEmpty());

        RecordingLambda.Invocation invocation = lambda.invocations().get(0);
        assertThat(invocation.traceHeader()).isEqualTo(TRACE);
        String message = asEvent(invocation.payload(), SNSEvent.class).getRecords().get(0).getSNS().getMessage();
        assertThat(asEvent(message, ScheduledEvent.class).getDetail()).containsEntry("n", 1);
    }

    @Test
    void entries_are_refused_one_by_one_as_eventbridge_refuses_them() {
        start(List.of(rule("All", "default", "{\"source\":[\"s\"]}", function("Fn"))), Map.of());

        PutEventsResponse put = events.putEvents(r -> r.entries(entry("s", "{}"),
                PutEventsRequestEntry.builder().source("s").detailType("T").build(),
                entry("s", "[1,2]"), entry("s", "{}").toBuilder().eventBusName("nope").build(),
                entry("aws.s3", "{}")));
        awaitQuiet(service::quiet);

        assertThat(put.failedEntryCount()).isEqualTo(4);
        assertThat(put.entries()).extracting(e -> e.errorCode()).containsExactly(null, "InvalidArgument",
                "MalformedDetail", "ResourceNotFoundException", "NotAuthorizedForSourceException");
        assertThat(lambda.invocations()).hasSize(1);
    }

    @Test
    void the_templates_buses_and_rules_are_listed_and_described_and_other_operations_fail_honestly() {
        start(List.of(new TemplateResource.EventBus("Bus", "shop", "arn:aws:events:us-east-1:" + ACCOUNT
                        + ":event-bus/shop"), rule("Shipped", "shop", "{\"source\":[\"s\"]}", function("Notifier"))),
                Map.of("Worker", List.of(new FunctionEvent.Schedule("Hourly", "Schedule", "rate(1 hour)", true,
                        Optional.empty()))));

        assertThat(events.listEventBuses(r -> { }).eventBuses()).extracting(b -> b.name())
                .containsExactly("default", "shop");
        assertThat(events.listRules(r -> r.eventBusName("shop")).rules()).extracting(Rule::name)
                .containsExactly("Shipped");
        assertThat(events.listRules(r -> { }).rules()).singleElement().satisfies(r -> {
            assertThat(r.name()).isEqualTo("WorkerHourly");
            assertThat(r.scheduleExpression()).isEqualTo("rate(1 hour)");
            assertThat(r.arn()).isEqualTo("arn:aws:events:us-east-1:" + ACCOUNT + ":rule/WorkerHourly");
        });
        assertThat(events.describeRule(r -> r.name("Shipped").eventBusName("shop")).eventPattern())
                .isEqualTo("{\"source\":[\"s\"]}");
        assertThat(events.listTargetsByRule(r -> r.rule("Shipped").eventBusName("shop")).targets())
                .extracting(t -> t.arn()).containsExactly(functionArn("Notifier"));
        assertThat(catchThrowableOfType(ResourceNotFoundException.class,
                () -> events.describeRule(r -> r.name("Nope"))).getMessage())
                .contains("Rule Nope does not exist on EventBus default");
        EventBridgeException notSimulated = catchThrowableOfType(EventBridgeException.class,
                () -> events.putRule(r -> r.name("New").eventPattern("{}")));
        assertThat(notSimulated.statusCode()).isEqualTo(501);
        assertThat(notSimulated.awsErrorDetails().errorMessage()).contains("PutRule").contains("PutEvents");
    }

    @Test
    void a_target_that_cannot_be_reached_is_one_summary_line() {
        lambda.failing("Fn");
        start(List.of(rule("Both", "default", "{\"source\":[\"s\"]}", function("Fn"),
                new TemplateResource.Target("q", "arn:aws:sqs:us-east-1:" + ACCOUNT + ":jobs", Optional.empty()))),
                Map.of());

        String id = events.putEvents(r -> r.entries(entry("s", "{}"))).entries().get(0).eventId();
        awaitQuiet(service::quiet);

        assertThat(service.summary()).containsExactlyInAnyOrder(
                "EventBridge rule Both to function Fn (event " + id + "): function error Unhandled (request req-1) after 3 attempts; dropped (no on-failure destination or"
                        + " dead-letter queue)",
                "EventBridge rule Both to queue jobs (event " + id + "): no queue service runs here (the template"
                        + " declares no queue)");
    }

    private static PutEventsRequestEntry entry(String source, String detail) {
        return PutEventsRequestEntry.builder().source(source).detailType("Changed").detail(detail).build();
    }
}
