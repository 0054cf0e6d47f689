package dev.xraytracing.local.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A function's queue, topic, rule, schedule and bucket events are kept as data for the event sources, with one
 * warning each whose source does not run yet (all but SQS); other event types are one warning.
 */
class FunctionEventsTest {
    final SamTemplate template = SamTemplate.read(SamTemplateTest.resource("/templates/services.yaml"), "us-east-1");

    @Test
    void an_sqs_event_keeps_the_queue_arn_batching_and_partial_batch_failures() {
        assertThat(template.function("Worker").orElseThrow().events()).first().isEqualTo(new FunctionEvent.Sqs(
                "Jobs", template.resource("Jobs").orElseThrow().arn(), 5, 2, true, true, List.of()));
    }

    @Test
    void schedules_keep_their_expression_and_input() {
        assertThat(template.function("Worker").orElseThrow().events()).contains(
                new FunctionEvent.Schedule("Nightly", "Schedule", "rate(1 hour)", true,
                        Optional.of("{\"job\":\"hourly\"}")),
                new FunctionEvent.Schedule("Weekly", "ScheduleV2", "cron(0 9 ? * MON *)", true, Optional.empty()));
    }

    @Test
    void an_s3_event_keeps_its_bucket_event_types_and_key_filter() {
        assertThat(template.function("Worker").orElseThrow().events()).contains(new FunctionEvent.S3("Uploaded",
                "Uploads", template.resource("Uploads").orElseThrow().name(), List.of("s3:ObjectCreated:*"),
                List.of(new FunctionEvent.FilterRule("prefix", "incoming/"),
                        new FunctionEvent.FilterRule("suffix", ".json"))));
    }

    @Test
    void sns_and_eventbridge_events_keep_topic_filter_pattern_and_bus() {
        assertThat(template.function("Notifier").orElseThrow().events()).containsExactly(
                new FunctionEvent.Sns("Shipped", template.resource("Shipped").orElseThrow().arn(),
                        Optional.of("{\"kind\":[\"shipped\"]}")),
                new FunctionEvent.EventBridgeRule("OnBus", "EventBridgeRule",
                        Optional.of("{\"source\":[\"shop.orders\"]}"), "shop", Optional.empty()),
                new FunctionEvent.EventBridgeRule("Legacy", "CloudWatchEvent",
                        Optional.of("{\"source\":[\"aws.s3\"]}"), "default", Optional.empty()));
    }

    @Test
    void every_event_type_with_a_running_source_is_no_warning_and_an_unknown_type_is_not_simulated() {
        assertThat(template.warnings()).contains("function Worker: event Stream of type DynamoDB is not simulated");
        assertThat(template.warnings()).as("queues, buckets, topics, rules and schedules have running sources")
                .noneMatch(w -> w.contains("does not run yet"));
        assertThat(template.function("Worker").orElseThrow().events()).extracting(FunctionEvent::eventName)
                .doesNotContain("Stream");
    }

    @Test
    void an_s3_event_runs_so_it_is_no_warning() {
        assertThat(template.warnings()).noneMatch(warning -> warning.contains("event Uploaded"));
    }

    @Test
    void api_events_stay_routes_and_are_no_function_events() {
        assertThat(template.function("Api").orElseThrow().events()).isEmpty();
        assertThat(template.function("Api").orElseThrow().routes()).singleElement()
                .isEqualTo(new ApiRoute(ApiRoute.Kind.REST, "ServerlessRestApi", "POST", "/orders", "Api"));
    }
}
