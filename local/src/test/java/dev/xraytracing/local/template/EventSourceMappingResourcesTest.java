package dev.xraytracing.local.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xraytracing.local.app.LocalRunException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CloudFormation's {@code AWS::Lambda::EventSourceMapping} from an SQS queue runs as the function's SAM {@code SQS}
 * event does, whichever form names the function; other event sources, and functions the template does not declare,
 * are one warning each; what CloudFormation or Lambda refuses is one error line.
 */
class EventSourceMappingResourcesTest {
    private static final String FUNCTION = "  Billing: {Type: 'AWS::Serverless::Function', Properties: "
            + "{Handler: a.B, Runtime: java21, FunctionName: billing}}\n";

    static SamTemplate parse(String mapping) {
        return SamTemplate.parse("Resources:\n  Invoices: {Type: 'AWS::SQS::Queue'}\n"
                + "  Ledger: {Type: 'AWS::DynamoDB::Table', Properties: {KeySchema: [{AttributeName: id, "
                + "KeyType: HASH}], AttributeDefinitions: [{AttributeName: id, AttributeType: S}], "
                + "StreamSpecification: {StreamViewType: NEW_IMAGE}}}\n" + FUNCTION
                + "  BillingMapping: {Type: 'AWS::Lambda::EventSourceMapping', "
                + "Properties: " + mapping + "}\n", Path.of("template.yaml"), "eu-west-1");
    }

    private static String invoicesArn(SamTemplate template) {
        return template.resource("Invoices").orElseThrow().arn();
    }

    @Test
    void a_queue_mapping_to_a_ref_of_the_function_becomes_its_sqs_event_with_the_settings_read_as_sam_reads_them() {
        SamTemplate template = parse("{EventSourceArn: {'Fn::GetAtt': [Invoices, Arn]}, FunctionName: {Ref: Billing},"
                + " BatchSize: 50, MaximumBatchingWindowInSeconds: 2, FunctionResponseTypes: [ReportBatchItemFailures],"
                + " FilterCriteria: {Filters: [{Pattern: '{\"body\": {\"kind\": [\"invoice\"]}}'}]}, Tags: [{Key: a,"
                + " Value: b}]}");

        assertThat(template.function("Billing").orElseThrow().events()).containsExactly(new FunctionEvent.Sqs(
                "BillingMapping", invoicesArn(template), 50, 2, true, true,
                List.of("{\"body\": {\"kind\": [\"invoice\"]}}")));
        assertThat(template.warnings()).isEmpty();
    }

    @Test
    void the_function_may_be_named_by_its_arn_a_partial_arn_or_with_a_qualifier() {
        for (String name : List.of("{'Fn::GetAtt': [Billing, Arn]}", "billing:live",
                "'123456789012:function:billing'", "'arn:aws:lambda:eu-west-1:123456789012:function:billing:3'")) {
            SamTemplate template = parse("{EventSourceArn: {'Fn::GetAtt': [Invoices, Arn]}, FunctionName: " + name
                    + ", Enabled: false}");

            assertThat(template.function("Billing").orElseThrow().events()).as(name).containsExactly(
                    new FunctionEvent.Sqs("BillingMapping", invoicesArn(template), 10, 0, false, false, List.of()));
        }
    }

    @Test
    void a_stream_source_or_a_function_outside_the_template_is_one_warning_and_does_not_run() {
        SamTemplate stream = parse("{EventSourceArn: {'Fn::GetAtt': [Ledger, StreamArn]}, FunctionName: {Ref: Billing},"
                + " StartingPosition: LATEST}");
        SamTemplate elsewhere = parse("{EventSourceArn: {'Fn::GetAtt': [Invoices, Arn]}, FunctionName: reports}");

        assertThat(stream.function("Billing").orElseThrow().events()).isEmpty();
        assertThat(stream.warnings()).containsExactly("resource BillingMapping (AWS::Lambda::EventSourceMapping): its"
                + " event source, a DynamoDB stream, is not simulated; only SQS queues run");
        assertThat(elsewhere.warnings()).containsExactly("resource BillingMapping (AWS::Lambda::EventSourceMapping):"
                + " FunctionName reports is not a function of this template; the mapping does not run");
    }

    @Test
    void a_source_the_run_cannot_resolve_is_a_warning_and_one_the_template_does_not_declare_an_error() {
        SamTemplate kinesis = SamTemplate.parse("Resources:\n  Clicks: {Type: 'AWS::Kinesis::Stream'}\n" + FUNCTION
                + "  ClicksMapping: {Type: 'AWS::Lambda::EventSourceMapping', Properties: {EventSourceArn: "
                + "{'Fn::GetAtt': [Clicks, Arn]}, FunctionName: {Ref: Billing}, StartingPosition: LATEST}}\n",
                Path.of("template.yaml"), "eu-west-1");

        assertThat(kinesis.function("Billing").orElseThrow().events()).isEmpty();
        assertThat(kinesis.warnings()).anySatisfy(line -> assertThat(line).startsWith(
                "resource ClicksMapping (AWS::Lambda::EventSourceMapping): not simulated (")
                .contains("Clicks").endsWith("the mapping does not run"));
        assertThatThrownBy(() -> parse("{EventSourceArn: {'Fn::GetAtt': [Nowhere, Arn]}, FunctionName: {Ref: "
                + "Billing}}")).isInstanceOf(LocalRunException.class).hasMessageContaining("Nowhere");
    }

    @Test
    void settings_a_queue_mapping_does_not_simulate_are_one_warning_each() {
        SamTemplate template = parse("{EventSourceArn: {'Fn::GetAtt': [Invoices, Arn]}, FunctionName: {Ref: Billing},"
                + " ScalingConfig: {MaximumConcurrency: 5}, KmsKeyArn: k}");

        assertThat(template.function("Billing").orElseThrow().events()).hasSize(1);
        assertThat(template.warnings()).containsExactly("resource BillingMapping (AWS::Lambda::EventSourceMapping): "
                + "ScalingConfig is not simulated");
    }

    @Test
    void what_cloudformation_or_lambda_refuses_is_one_error_line() {
        assertThatThrownBy(() -> parse("{EventSourceArn: {'Fn::GetAtt': [Invoices, Arn]}, FunctionName: {Ref: "
                + "Billing}, BatchSzie: 5}")).isInstanceOf(LocalRunException.class).hasMessage("template.yaml: resource "
                + "BillingMapping (AWS::Lambda::EventSourceMapping): BatchSzie is not a property of "
                + "AWS::Lambda::EventSourceMapping; CloudFormation refuses it");
        assertThatThrownBy(() -> parse("{EventSourceArn: {'Fn::GetAtt': [Invoices, Arn]}}"))
                .hasMessageEndingWith("(AWS::Lambda::EventSourceMapping): FunctionName is missing");
        assertThatThrownBy(() -> parse("{EventSourceArn: {'Fn::GetAtt': [Invoices, Arn]}, FunctionName: {Ref: "
                + "Billing}, BatchSize: 50}")).hasMessageEndingWith("BatchSize 50 needs MaximumBatchingWindowInSeconds"
                + " of at least 1: Lambda takes more than 10 messages from a queue only with a batching window");
        assertThatThrownBy(() -> parse("{EventSourceArn: {'Fn::GetAtt': [Invoices, Arn]}, FunctionName: {Ref: "
                + "Billing}, MaximumBatchingWindowInSeconds: 301}")).hasMessageEndingWith(
                "MaximumBatchingWindowInSeconds 301 is outside 0 to 300");
    }
}
