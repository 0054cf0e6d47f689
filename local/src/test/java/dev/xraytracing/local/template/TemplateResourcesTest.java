package dev.xraytracing.local.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xraytracing.local.template.TemplateResource.KeyElement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Tables, queues, buckets, topics, buses and rules of a template become plain records with AWS's names and ARNs. */
class TemplateResourcesTest {
    final SamTemplate template = SamTemplate.read(SamTemplateTest.resource("/templates/services.yaml"), "us-east-1");

    @Test
    void every_simulated_resource_is_a_record_in_template_order() {
        assertThat(template.resources()).extracting(TemplateResource::logicalId).containsExactly("Orders",
                "Sessions", "Jobs", "JobsDlq", "Payments", "Uploads", "Archive", "Shipped", "Bus", "ShippedRule",
                "Nightly");
    }

    @Test
    void a_table_keeps_its_key_schema_attribute_types_and_global_indexes() {
        TemplateResource.Table orders = (TemplateResource.Table) template.resource("Orders").orElseThrow();

        assertThat(orders.keySchema()).containsExactly(new KeyElement("pk", "HASH"), new KeyElement("sk", "RANGE"));
        assertThat(orders.attributeTypes()).isEqualTo(Map.of("pk", "S", "sk", "S", "customer", "S"));
        assertThat(orders.globalIndexes()).containsExactly(new TemplateResource.GlobalIndex("byCustomer",
                List.of(new KeyElement("customer", "HASH")), "INCLUDE", List.of("total")));
        assertThat(orders.streamArn()).contains(orders.arn() + "/stream/" + ResourceIdentities.STREAM_LABEL);
    }

    @Test
    void a_simple_table_has_its_primary_key_as_hash_key_and_no_stream() {
        TemplateResource.Table sessions = (TemplateResource.Table) template.resource("Sessions").orElseThrow();

        assertThat(sessions.keySchema()).containsExactly(new KeyElement("sessionId", "HASH"));
        assertThat(sessions.attributeTypes()).isEqualTo(Map.of("sessionId", "S"));
        assertThat(sessions.streamArn()).isEmpty();
    }

    @Test
    void a_queue_keeps_its_visibility_timeout_and_redrive_policy_to_its_dead_letter_queue() {
        TemplateResource.Queue jobs = (TemplateResource.Queue) template.resource("Jobs").orElseThrow();
        TemplateResource.Queue dlq = (TemplateResource.Queue) template.resource("JobsDlq").orElseThrow();

        assertThat(jobs.visibilityTimeoutSeconds()).isEqualTo(60);
        assertThat(jobs.redrivePolicy()).contains(new TemplateResource.RedrivePolicy(dlq.arn(), 3));
        assertThat(jobs.fifo()).isFalse();
        assertThat(dlq.visibilityTimeoutSeconds()).as("SQS's default").isEqualTo(30);
        assertThat(dlq.messageRetentionSeconds()).as("SQS's default, four days").isEqualTo(345_600);
        assertThat(dlq.redrivePolicy()).isEmpty();
    }

    @Test
    void a_fifo_queue_keeps_its_name_and_content_based_deduplication() {
        TemplateResource.Queue payments = (TemplateResource.Queue) template.resource("Payments").orElseThrow();

        assertThat(payments.fifo()).isTrue();
        assertThat(payments.contentBasedDeduplication()).isTrue();
        assertThat(payments.url()).isEqualTo("https://sqs.us-east-1.amazonaws.com/123456789012/payments.fifo");
    }

    @Test
    void a_topic_has_its_own_subscriptions_and_those_of_subscription_resources() {
        TemplateResource.Topic shipped = (TemplateResource.Topic) template.resource("Shipped").orElseThrow();
        String jobs = template.resource("Jobs").orElseThrow().arn();

        assertThat(shipped.subscriptions()).containsExactly(
                new TemplateResource.Subscription("lambda", "arn:aws:lambda:us-east-1:123456789012:function:Notifier",
                        Optional.empty()),
                new TemplateResource.Subscription("sqs", jobs, Optional.of("{\"kind\":[\"audit\"]}"), true));
    }

    @Test
    void a_subscription_to_a_resource_that_is_not_simulated_is_one_warning_and_skipped() {
        assertThat(template.warnings()).contains("resource Shipped: subscription firehose is skipped: Fn::GetAtt "
                + "Workflow.Arn: Workflow (AWS::StepFunctions::StateMachine) is not simulated locally");
    }

    @Test
    void a_rule_keeps_its_bus_pattern_and_targets_and_a_target_not_simulated_is_one_warning() {
        TemplateResource.Rule rule = (TemplateResource.Rule) template.resource("ShippedRule").orElseThrow();

        assertThat(rule.eventBusName()).isEqualTo("shop");
        assertThat(rule.eventPattern()).contains("{\"source\":[\"shop.orders\"],\"detail-type\":[\"Shipped\"]}");
        assertThat(rule.state()).isEqualTo("ENABLED");
        assertThat(rule.targets()).containsExactly(new TemplateResource.Target("notifier",
                "arn:aws:lambda:us-east-1:123456789012:function:Notifier", Optional.empty()));
        assertThat(template.warnings()).contains("resource ShippedRule: target workflow is skipped: Fn::GetAtt "
                + "Workflow.Arn: Workflow (AWS::StepFunctions::StateMachine) is not simulated locally");
    }

    @Test
    void a_scheduled_rule_on_the_default_bus_keeps_its_expression_state_and_input() {
        TemplateResource.Rule nightly = (TemplateResource.Rule) template.resource("Nightly").orElseThrow();

        assertThat(nightly.eventBusName()).isEqualTo("default");
        assertThat(nightly.scheduleExpression()).contains("rate(1 day)");
        assertThat(nightly.state()).isEqualTo("DISABLED");
        assertThat(nightly.arn()).isEqualTo("arn:aws:events:us-east-1:123456789012:rule/" + nightly.name());
        assertThat(nightly.targets()).singleElement().extracting(TemplateResource.Target::input)
                .isEqualTo(Optional.of("{\"job\":\"nightly\"}"));
    }

    @Test
    void resources_of_one_kind_are_listed_by_their_record_type() {
        assertThat(template.resources(TemplateResource.Bucket.class)).extracting(TemplateResource::name)
                .containsExactly(template.resource("Uploads").orElseThrow().name(), "archive-123456789012-us-east-1");
        assertThat(template.resources(TemplateResource.EventBus.class)).containsExactly(new TemplateResource.EventBus(
                "Bus", "shop", "arn:aws:events:us-east-1:123456789012:event-bus/shop"));
    }

    @Test
    void a_resource_type_that_is_not_simulated_is_one_warning_line() {
        assertThat(template.warnings()).contains(
                "resource Workflow (AWS::StepFunctions::StateMachine) is not simulated");
        assertThat(template.warnings()).noneMatch(w -> w.contains("AuditSubscription"));
    }
}
