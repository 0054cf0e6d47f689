package dev.xraytracing.local.internal.services.catalog;

import dev.xraytracing.local.internal.services.LocalServices;
import dev.xraytracing.local.internal.services.RecordingLambda;
import dev.xraytracing.local.internal.services.ServiceContext;
import dev.xraytracing.local.internal.services.ServiceTesting;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xraytracing.local.template.SamTemplate;
import dev.xraytracing.local.template.TemplateFunction;
import dev.xraytracing.local.template.TemplateResource;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The services start in dependency order, only when the template needs them, and each one's endpoint reaches the
 * services started after it and the functions.
 */
class ServiceCatalogTest {
    @Test
    void each_kind_starts_after_what_it_delivers_to() {
        List<String> kinds = ServiceCatalog.ALL.stream().map(LocalServices.Kind::name).toList();

        assertThat(kinds).containsSubsequence("DynamoDB", "S3", "SQS", "SNS", "EventBridge", "schedules");
    }

    @Test
    void a_template_with_every_kind_starts_their_services_and_points_functions_at_them()
            throws Exception {
        SamTemplate template = SamTemplate.read(Path.of(ServiceCatalogTest.class.getResource(
                "/templates/services.yaml").toURI()), "us-east-1");
        Map<String, List<dev.xraytracing.local.template.FunctionEvent>> events = new LinkedHashMap<>();
        for (TemplateFunction f : template.functions()) {
            events.put(f.name(), f.events());
        }
        ServiceContext context = ServiceTesting.context(template.resources(), events, new RecordingLambda(),
                ServiceTesting.said());

        try (LocalServices services = LocalServices.start(context, ServiceCatalog.ALL)) {
            assertThat(services.endpoints()).containsKeys("AWS_ENDPOINT_URL_SQS", "AWS_ENDPOINT_URL_S3",
                    "AWS_ENDPOINT_URL_SNS", "AWS_ENDPOINT_URL_EVENTBRIDGE", "AWS_ENDPOINT_URL_SCHEDULER");
            assertThat(context.endpoints()).containsAllEntriesOf(services.endpoints());
            assertThat(services.quiet()).isTrue();
            assertThat(services.summary()).as("nothing was sent: every queue empty, no delivery failed")
                    .isNotEmpty().allMatch(line -> line.startsWith("queue ") && line.contains(": empty"));
        }
    }

    @Test
    void a_template_without_topics_buses_or_schedules_starts_none_of_their_services() {
        ServiceContext context = ServiceTesting.context(List.<TemplateResource>of(), Map.of(), new RecordingLambda(),
                ServiceTesting.said());

        try (LocalServices services = LocalServices.start(context, ServiceCatalog.ALL)) {
            assertThat(services.endpoints()).doesNotContainKeys("AWS_ENDPOINT_URL_SNS",
                    "AWS_ENDPOINT_URL_EVENTBRIDGE", "AWS_ENDPOINT_URL_SCHEDULER");
        }
    }
}
