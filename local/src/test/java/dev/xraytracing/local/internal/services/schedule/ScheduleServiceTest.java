package dev.xraytracing.local.internal.services.schedule;

import static dev.xraytracing.local.internal.services.ServiceTesting.ACCOUNT;
import static dev.xraytracing.local.internal.services.ServiceTesting.asEvent;
import static dev.xraytracing.local.internal.services.ServiceTesting.awaitQuiet;
import static dev.xraytracing.local.internal.services.ServiceTesting.context;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.xraytracing.local.internal.services.RecordingLambda;
import dev.xraytracing.local.internal.services.ServiceTesting;
import dev.xraytracing.local.template.FunctionEvent;
import dev.xraytracing.local.template.TemplateResource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The run's schedules fire on demand with the scheduled event EventBridge sends (or the target's {@code Input}), and
 * enabled {@code rate(...)} schedules, only they, get a period to fire at by themselves. No test waits for a rate.
 */
class ScheduleServiceTest {
    static final String NIGHTLY_ARN = "arn:aws:events:us-east-1:" + ACCOUNT + ":rule/local-Nightly-ABC";

    final RecordingLambda lambda = new RecordingLambda();
    final List<String> said = ServiceTesting.said();
    ScheduleService service;

    void start(List<TemplateResource> resources, Map<String, List<FunctionEvent>> events) {
        service = new ScheduleService(context(resources, events, lambda, said));
    }

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
    }

    static String functionArn(String name) {
        return "arn:aws:lambda:us-east-1:" + ACCOUNT + ":function:" + name;
    }

    static TemplateResource.Rule nightly(String state, TemplateResource.Target... targets) {
        return new TemplateResource.Rule("Nightly", "local-Nightly-ABC", NIGHTLY_ARN, "default", Optional.empty(),
                Optional.of("cron(0 2 * * ? *)"), state, List.of(targets));
    }

    @Test
    void a_fired_rule_sends_its_target_the_scheduled_event_as_eventbridge_sends_it_without_a_trace_header() {
        start(List.of(nightly("ENABLED", new TemplateResource.Target("w", functionArn("Worker"), Optional.empty()))),
                Map.of());

        service.fire("Nightly");
        awaitQuiet(service::quiet);

        assertThat(lambda.invocations()).singleElement().satisfies(invocation -> {
            assertThat(invocation.functionName()).isEqualTo("Worker");
            assertThat(invocation.traceHeader())
                    .as("EventBridge does not trace scheduled events: only the new root Lambda keeps for the retries")
                    .matches("Root=1-[0-9a-f]{8}-[0-9a-f]{24}");
            ScheduledEvent event = asEvent(invocation.payload(), ScheduledEvent.class);
            assertThat(event.getDetailType()).isEqualTo("Scheduled Event");
            assertThat(event.getSource()).isEqualTo("aws.events");
            assertThat(event.getResources()).containsExactly(NIGHTLY_ARN);
            assertThat(event.getAccount()).isEqualTo(ACCOUNT);
            assertThat(event.getRegion()).isEqualTo("us-east-1");
            assertThat(event.getDetail()).isEmpty();
            assertThat(event.getId()).isNotEmpty();
            assertThat(event.getTime()).isNotNull();
        });
    }

    @Test
    void a_functions_schedule_is_fired_by_any_of_its_names_and_sends_its_input_in_place_of_the_event() {
        start(List.of(), Map.of("Worker", List.of(
                new FunctionEvent.Schedule("Hourly", "Schedule", "rate(1 hour)", true, Optional.of("{\"job\":1}")),
                new FunctionEvent.Schedule("Weekly", "ScheduleV2", "cron(0 9 ? * MON *)", true, Optional.empty()))));

        service.fire("WorkerHourly");
        service.fire("Worker/Hourly");
        service.fire("Hourly");
        service.fire("Weekly");
        awaitQuiet(service::quiet);

        assertThat(lambda.invocations()).extracting(RecordingLambda.Invocation::payload)
                .filteredOn(p -> p.equals("{\"job\":1}")).hasSize(3);
        ScheduledEvent weekly = lambda.invocations().stream().filter(i -> !i.payload().equals("{\"job\":1}"))
                .map(i -> asEvent(i.payload(), ScheduledEvent.class)).findFirst().orElseThrow();
        assertThat(weekly.getSource()).isEqualTo("aws.scheduler");
        assertThat(weekly.getResources()).containsExactly("arn:aws:scheduler:us-east-1:" + ACCOUNT
                + ":schedule/default/WorkerWeekly");
    }

    @Test
    void a_scheduler_schedule_resource_fires_by_its_name_or_logical_id_into_its_one_target() {
        String arn = "arn:aws:scheduler:us-east-1:" + ACCOUNT + ":schedule/reports/nightly-report";
        start(List.of(new TemplateResource.SchedulerSchedule("NightlyReport", "nightly-report", arn,
                "cron(0 2 * * ? *)", "ENABLED", new TemplateResource.Target("NightlyReport", functionArn("Reporter"),
                Optional.empty()))), Map.of());

        service.fire("nightly-report");
        service.fire("NightlyReport");
        awaitQuiet(service::quiet);

        assertThat(lambda.invocations()).hasSize(2).allSatisfy(invocation -> {
            assertThat(invocation.functionName()).isEqualTo("Reporter");
            ScheduledEvent event = asEvent(invocation.payload(), ScheduledEvent.class);
            assertThat(event.getSource()).isEqualTo("aws.scheduler");
            assertThat(event.getResources()).containsExactly(arn);
        });
    }

    @Test
    void only_enabled_rate_schedules_fire_by_themselves_and_a_disabled_one_still_fires_on_demand() {
        start(List.of(nightly("DISABLED", new TemplateResource.Target("w", functionArn("Worker"), Optional.empty()))),
                Map.of("Worker", List.of(
                        new FunctionEvent.Schedule("Often", "Schedule", "rate(5 minutes)", true, Optional.empty()),
                        new FunctionEvent.Schedule("Daily", "ScheduleV2", "rate(1 day)", true, Optional.empty()),
                        new FunctionEvent.Schedule("Off", "Schedule", "rate(1 minute)", false, Optional.empty()),
                        new FunctionEvent.Schedule("Cron", "Schedule", "cron(0 9 * * ? *)", true, Optional.empty()))));

        assertThat(service.rates()).containsOnly(Map.entry("WorkerOften", Duration.ofMinutes(5)),
                Map.entry("WorkerDaily", Duration.ofDays(1)));

        service.fire("local-Nightly-ABC");
        awaitQuiet(service::quiet);
        assertThat(lambda.invocations()).hasSize(1);
    }

    @Test
    void an_unknown_name_names_the_runs_schedules_and_an_unreadable_rate_is_one_line() {
        start(List.of(), Map.of("Worker", List.of(
                new FunctionEvent.Schedule("Bad", "Schedule", "rate(0 minutes)", true, Optional.empty()))));

        assertThatThrownBy(() -> service.fire("Nope")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no schedule is named Nope; the run's schedules: WorkerBad");
        assertThat(said).containsExactly("function Worker: event Bad: the rate rate(0 minutes) is not rate(value unit)"
                + " with a positive value and a unit of minutes, hours or days; it fires only on demand");
        assertThat(service.rates()).isEmpty();
    }

    @Test
    void a_target_that_cannot_be_reached_is_one_summary_line() {
        start(List.of(nightly("ENABLED", new TemplateResource.Target("q", "arn:aws:sqs:us-east-1:" + ACCOUNT
                + ":jobs", Optional.empty()))), Map.of());

        service.fire("Nightly");
        awaitQuiet(service::quiet);

        assertThat(service.summary()).containsExactly("schedule local-Nightly-ABC to queue jobs: no queue service"
                + " runs here (the template declares no queue)");
    }

    @Test
    void the_scheduler_api_answers_an_honest_not_implemented() throws Exception {
        start(List.of(), Map.of("Worker", List.of(
                new FunctionEvent.Schedule("Weekly", "ScheduleV2", "cron(0 9 ? * MON *)", true, Optional.empty()))));

        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(service.endpoint() + "/schedules")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(501);
        assertThat(answer.headers().firstValue("x-amzn-ErrorType")).hasValue("NotImplemented");
        assertThat(answer.body()).contains("does not simulate EventBridge Scheduler's API (GET /schedules)");
    }

    @Test
    void rates_are_read_as_eventbridge_writes_them() {
        assertThat(ScheduleRate.of("rate(1 minute)")).hasValue(Duration.ofMinutes(1));
        assertThat(ScheduleRate.of("rate(12 hours)")).hasValue(Duration.ofHours(12));
        assertThat(ScheduleRate.of("rate(2 days)")).hasValue(Duration.ofDays(2));
        assertThat(ScheduleRate.of("cron(0 9 ? * MON *)")).isEmpty();
        assertThat(ScheduleRate.of("at(2026-12-24T18:00:00)")).isEmpty();
        assertThatThrownBy(() -> ScheduleRate.of("rate(5 weeks)")).isInstanceOf(IllegalArgumentException.class);
    }
}
