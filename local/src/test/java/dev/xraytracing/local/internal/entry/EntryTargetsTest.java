package dev.xraytracing.local.internal.entry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xraytracing.local.app.LocalRunException;
import dev.xraytracing.local.template.FunctionEvent;
import dev.xraytracing.local.template.SamTemplate;
import dev.xraytracing.local.template.TemplateFunction;
import dev.xraytracing.local.template.TemplateResource;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An entry names a queue, topic, bus or schedule the way the user knows it; a wrong name lists the right ones. */
class EntryTargetsTest {
    private final SamTemplate template;
    private final EntryTargets targets;
    private final String worker;

    EntryTargetsTest() throws Exception {
        template = SamTemplate.read(Path.of(getClass().getResource("/templates/services.yaml").toURI()),
                "us-east-1");
        Map<String, List<FunctionEvent>> events = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (TemplateFunction f : template.functions()) {
            events.put(f.name(), f.events());
            names.put(f.logicalId(), f.name());
        }
        targets = new EntryTargets(template.resources(), events, names);
        worker = names.get("Worker");
    }

    @Test
    void a_queue_is_found_by_logical_id_name_arn_or_url() {
        TemplateResource.Queue jobs = (TemplateResource.Queue) template.resource("Jobs").orElseThrow();

        assertThat(List.of("Jobs", jobs.name(), jobs.arn(), jobs.url())).allSatisfy(name ->
                assertThat(targets.queue(name)).isEqualTo(jobs));
        assertThat(targets.queue("payments.fifo").fifo()).isTrue();
    }

    @Test
    void a_topic_and_a_bus_are_found_and_the_default_bus_needs_no_name() {
        assertThat(targets.topic("Shipped").logicalId()).isEqualTo("Shipped");
        assertThat(targets.bus("Bus")).isEqualTo("shop");
        assertThat(targets.bus("shop")).isEqualTo("shop");
        assertThat(targets.bus(null)).isEqualTo("default");
        assertThat(targets.bus("default")).isEqualTo("default");
    }

    @Test
    void a_schedule_is_a_functions_schedule_event_by_its_name_or_logical_id_or_a_scheduled_rule() {
        assertThat(targets.schedule(worker + ".Nightly")).isEqualTo(worker + "/Nightly");
        assertThat(targets.schedule("Worker/Weekly")).isEqualTo(worker + "/Weekly");
        assertThat(targets.schedule("Worker.Weekly")).isEqualTo(worker + "/Weekly");
        assertThat(targets.schedule("Nightly")).isEqualTo("Nightly");
    }

    @Test
    void a_scheduler_schedule_is_found_by_its_logical_id_name_or_arn() {
        String arn = "arn:aws:scheduler:us-east-1:123456789012:schedule/reports/nightly-report";
        EntryTargets scheduler = new EntryTargets(List.of(new TemplateResource.SchedulerSchedule("NightlyReport",
                "nightly-report", arn, "cron(0 2 * * ? *)", "ENABLED", new TemplateResource.Target("NightlyReport",
                "arn:aws:lambda:us-east-1:123456789012:function:Reporter", java.util.Optional.empty()))), Map.of(),
                Map.of());

        assertThat(List.of("NightlyReport", "nightly-report", arn)).allSatisfy(name ->
                assertThat(scheduler.schedule(name)).isEqualTo("NightlyReport"));
    }

    @Test
    void a_name_that_matches_nothing_is_one_line_listing_what_the_template_has() {
        assertThatThrownBy(() -> targets.queue("Nope")).isInstanceOf(LocalRunException.class)
                .hasMessageStartingWith("no queue Nope in the template (queues: Jobs (")
                .hasMessageContaining("Payments (payments.fifo)");
        assertThatThrownBy(() -> targets.schedule("Worker.Jobs")).isInstanceOf(LocalRunException.class)
                .hasMessage("no schedule Worker.Jobs in the template (schedules: " + worker + ".Nightly, " + worker
                        + ".Weekly, Nightly)");
        assertThatThrownBy(() -> targets.bus("orders")).isInstanceOf(LocalRunException.class)
                .hasMessage("no event bus orders in the template (event buses: Bus (shop))");
    }
}
