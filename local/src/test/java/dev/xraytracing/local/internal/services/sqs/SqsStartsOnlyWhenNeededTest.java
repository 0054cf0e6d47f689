package dev.xraytracing.local.internal.services.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xraytracing.local.internal.services.LocalServices;
import dev.xraytracing.local.internal.services.catalog.ServiceCatalog;
import dev.xraytracing.local.internal.services.ServiceContext;
import dev.xraytracing.local.template.FunctionEvent;
import dev.xraytracing.local.template.TemplateResource;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The engine starts for a template with a queue, and not for one without queues or SQS events; what cannot run is
 * one problem line, and the rest runs.
 */
class SqsStartsOnlyWhenNeededTest {
    static final String ARN = "arn:aws:sqs:us-east-1:123456789012:jobs";

    @Test
    void a_template_with_a_queue_gets_an_sqs_endpoint_on_the_loopback_interface() {
        TemplateResource.Queue jobs = new TemplateResource.Queue("Jobs", "jobs", ARN,
                "https://sqs.us-east-1.amazonaws.com/123456789012/jobs", false, false, 30, 0, 345600,
                Optional.empty());
        try (LocalServices services = LocalServices.start(context(List.of(jobs), Map.of()), ServiceCatalog.ALL)) {
            assertThat(services.endpoints()).containsOnlyKeys("AWS_ENDPOINT_URL_SQS");
            assertThat(services.endpoints().get("AWS_ENDPOINT_URL_SQS")).matches("http://127\\.0\\.0\\.1:\\d+");
            assertThat(services.summary()).containsExactly("queue jobs: empty");
            assertThat(services.quiet()).isTrue();
        }
    }

    @Test
    void a_template_without_queues_or_sqs_events_starts_no_engine() {
        try (LocalServices services = LocalServices.start(context(List.of(), Map.of()), ServiceCatalog.ALL)) {
            assertThat(services.endpoints()).doesNotContainKey("AWS_ENDPOINT_URL_SQS");
        }
    }

    @Test
    void an_sqs_event_on_a_queue_the_template_does_not_declare_is_one_problem_line() {
        Map<String, List<FunctionEvent>> events = Map.of("Worker",
                List.of(new FunctionEvent.Sqs("Jobs", ARN, 10, 0, false, true, List.of())));
        try (LocalServices services = LocalServices.start(context(List.of(), events), ServiceCatalog.ALL)) {
            assertThat(services.problems()).containsExactly("function Worker: SQS event Jobs polls " + ARN
                    + ", which is no queue of the template; it does not run");
        }
    }

    @Test
    void a_dead_letter_queue_of_another_stack_is_one_problem_line_and_the_queue_still_runs() {
        String elsewhere = "arn:aws:sqs:us-east-1:123456789012:other-stack-dlq";
        TemplateResource.Queue jobs = new TemplateResource.Queue("Jobs", "jobs", ARN,
                "https://sqs.us-east-1.amazonaws.com/123456789012/jobs", false, false, 30, 0, 345600,
                Optional.of(new TemplateResource.RedrivePolicy(elsewhere, 3)));
        try (SqsService sqs = SqsService.start(context(List.of(jobs), Map.of()))) {
            assertThat(sqs.problems()).containsExactly("queue Jobs: its dead-letter queue " + elsewhere
                    + " is no queue of the template, so its failed messages are never moved");
            assertThat(sqs.summary()).containsExactly("queue jobs: empty");
        }
    }

    private static ServiceContext context(List<TemplateResource> resources, Map<String, List<FunctionEvent>> events) {
        return new ServiceContext(resources, events, (function, payload, header) -> {
            throw new AssertionError("no invocation expected");
        }, new LinkedHashMap<>(), "us-east-1", "123456789012", new InetSocketAddress("127.0.0.1", 2000), line -> { });
    }
}
