package dev.xraytracing.local.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Functions' variables that use intrinsics get the values CloudFormation's "Return values" give for each resource
 * type, in the run's region, account 123456789012 and stack {@code local}.
 */
class IntrinsicsResolveAsCloudFormationTest {
    final SamTemplate template = SamTemplate.read(SamTemplateTest.resource("/templates/services.yaml"), "us-east-1");
    final Map<String, String> env = template.function("Api").orElseThrow().environment();

    @Test
    void ref_to_a_table_is_its_name_and_getatt_gives_its_arn_and_stream_arn() {
        assertThat(env).containsEntry("TABLE_NAME", "orders-dev")
                .containsEntry("TABLE_ARN", "arn:aws:dynamodb:us-east-1:123456789012:table/orders-dev")
                .containsEntry("STREAM_ARN", "arn:aws:dynamodb:us-east-1:123456789012:table/orders-dev/stream/"
                        + ResourceIdentities.STREAM_LABEL);
        assertThat(env.get("SESSIONS")).matches("local-Sessions-[A-Z0-9]{12}");
    }

    @Test
    void ref_to_a_queue_is_its_url_and_getatt_gives_arn_queue_name_and_queue_url() {
        String name = template.resource("Jobs").orElseThrow().name();

        assertThat(name).matches("local-Jobs-[A-Z0-9]{12}");
        assertThat(env).containsEntry("QUEUE_URL", "https://sqs.us-east-1.amazonaws.com/123456789012/" + name)
                .containsEntry("QUEUE_URL_ATTR", env.get("QUEUE_URL"))
                .containsEntry("QUEUE_NAME", name)
                .containsEntry("FIFO_ARN", "arn:aws:sqs:us-east-1:123456789012:payments.fifo");
    }

    @Test
    void ref_to_a_bucket_is_its_name_and_its_arn_names_no_region_or_account() {
        String name = template.resource("Uploads").orElseThrow().name();

        assertThat(name).matches("local-uploads-[a-z0-9]{12}");
        assertThat(env).containsEntry("BUCKET", name).containsEntry("BUCKET_ARN", "arn:aws:s3:::" + name);
    }

    @Test
    void ref_to_a_topic_is_its_arn_and_getatt_gives_its_name() {
        String name = template.resource("Shipped").orElseThrow().name();

        assertThat(env).containsEntry("TOPIC_ARN", "arn:aws:sns:us-east-1:123456789012:" + name)
                .containsEntry("TOPIC_NAME", name);
    }

    @Test
    void ref_to_a_bus_is_its_name_and_a_rule_on_it_has_the_buses_name_in_its_arn() {
        String rule = template.resource("ShippedRule").orElseThrow().name();

        assertThat(env).containsEntry("BUS_NAME", "shop")
                .containsEntry("BUS_ARN", "arn:aws:events:us-east-1:123456789012:event-bus/shop")
                .containsEntry("RULE_ARN", "arn:aws:events:us-east-1:123456789012:rule/shop/" + rule)
                .containsEntry("WORKER_ARN", "arn:aws:lambda:us-east-1:123456789012:function:Worker");
    }

    @Test
    void pseudo_parameters_are_the_local_stack_in_the_aws_partition() {
        assertThat(env).containsEntry("STACK", "local").containsEntry("PARTITION", "aws")
                .containsEntry("SUFFIX", "amazonaws.com");
        assertThat(template.stackName()).isEqualTo("local");
        assertThat(template.accountId()).isEqualTo("123456789012");
    }

    @Test
    void sub_resolves_attributes_refs_pseudo_parameters_and_its_own_variables_and_keeps_escaped_ones() {
        assertThat(env).containsEntry("SUB_ATTRIBUTE", template.resource("Jobs").orElseThrow().arn()
                        + "|orders-dev|123456789012|${Literal}")
                .containsEntry("SUB_VARIABLES", "s3://archive-123456789012-us-east-1/incoming");
    }

    @Test
    void join_select_and_split_work_over_resolved_values_and_comma_delimited_parameters() {
        assertThat(env).containsEntry("JOINED", "us-east-1:dev:" + template.resource("Jobs").orElseThrow().name())
                .containsEntry("SELECTED", "123456789012")
                .containsEntry("ZONE", "c");
    }

    @Test
    void a_reference_to_a_resource_that_is_not_simulated_is_one_warning_and_the_variable_is_unset() {
        assertThat(env).doesNotContainKey("WORKFLOW");
        assertThat(template.warnings()).contains("function Api variable WORKFLOW: Fn::GetAtt Workflow.Arn: Workflow "
                + "(AWS::StepFunctions::StateMachine) is not simulated locally; left unset");
    }
}
