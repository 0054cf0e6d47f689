package dev.xraytracing.local.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xraytracing.local.app.LocalRunException;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An event's properties are held to SAM's lists: a name SAM does not accept for the type fails as {@code sam deploy}
 * fails, one it accepts but this run does not simulate is one warning, and one that changes nothing locally (a name,
 * a key, logging) is taken without a word. SNS's {@code FilterPolicyScope} and a rule's {@code State} are read.
 */
class SamEventPropertiesTest {
    static final String QUEUE = "arn:aws:sqs:us-east-1:123456789012:jobs";
    static final String TOPIC = "arn:aws:sns:us-east-1:123456789012:shipped";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            {Type: SQS, Properties: {Queue: 'arn:aws:sqs:us-east-1:123456789012:jobs', BatchSzie: 5}} \
            | event Jobs (SQS): BatchSzie is not a property of event type SQS; SAM refuses it ("property BatchSzie not defined for resource of type SQS")
            {Type: SNS, Properties: {Topic: 'arn:aws:sns:us-east-1:123456789012:shipped', Filter: '{}'}} \
            | event Jobs (SNS): Filter is not a property of event type SNS; SAM refuses it ("property Filter not defined for resource of type SNS")
            {Type: Api, Properties: {Path: /jobs, Method: get, Cors: true}} \
            | event Jobs (Api): Cors is not a property of event type Api; SAM refuses it ("property Cors not defined for resource of type Api")
            {Type: Schedule, Properties: {Schedule: 'rate(1 hour)', Timezone: UTC}} \
            | event Jobs (Schedule): Timezone is not a property of event type Schedule; SAM refuses it ("property Timezone not defined for resource of type Schedule")
            {Type: SNS, Properties: {Topic: 'arn:aws:sns:us-east-1:123456789012:shipped', FilterPolicy: {a: [b]}, FilterPolicyScope: Body}} \
            | event Jobs (SNS): FilterPolicyScope Body must be MessageAttributes or MessageBody
            """)
    void a_property_sam_does_not_accept_fails_in_one_line(String event, String expected) {
        assertThatThrownBy(() -> parse(event))
                .isInstanceOf(LocalRunException.class)
                .hasMessage("template.yaml: resource Fn (AWS::Serverless::Function): " + expected);
    }

    @Test
    void an_accepted_property_that_is_not_simulated_is_one_warning_and_a_quiet_one_none() {
        SamTemplate template = parse("{Type: SQS, Properties: {Queue: '" + QUEUE + "', ScalingConfig: "
                + "{MaximumConcurrency: 5}, KmsKeyArn: 'arn:aws:kms:us-east-1:123456789012:key/k', "
                + "MetricsConfig: {Metrics: [EventCount]}}}");

        assertThat(template.warnings()).containsExactly("function Fn: event Jobs (SQS): ScalingConfig is not simulated");
    }

    @Test
    void an_http_apis_payload_format_version_is_kept_and_checked() {
        SamTemplate template = parse("{Type: HttpApi, Properties: {Path: /jobs, Method: get, "
                + "PayloadFormatVersion: '1.0', Auth: {Authorizer: NONE}}}");

        assertThat(template.routes()).singleElement().extracting(ApiRoute::payloadFormatVersion).isEqualTo("1.0");
        assertThat(template.warnings()).containsExactly("function Fn: event Jobs (HttpApi): Auth is not simulated");
        assertThatThrownBy(() -> parse("{Type: HttpApi, Properties: {Path: /jobs, Method: get, "
                + "PayloadFormatVersion: '3.0'}}"))
                .hasMessage("template.yaml: resource Fn (AWS::Serverless::Function): event Jobs (HttpApi): "
                        + "PayloadFormatVersion 3.0 must be 1.0 or 2.0");
    }

    @Test
    void an_sns_events_filter_policy_scope_is_kept() {
        SamTemplate template = parse("{Type: SNS, Properties: {Topic: '" + TOPIC + "', FilterPolicy: {a: [b]}, "
                + "FilterPolicyScope: MessageBody}}");

        assertThat(template.function("Fn").orElseThrow().events()).containsExactly(new FunctionEvent.Sns("Jobs",
                TOPIC, Optional.of("{\"a\":[\"b\"]}"), "MessageBody"));
        assertThat(template.warnings()).isEmpty();
    }

    @Test
    void a_disabled_eventbridge_rule_event_is_kept_disabled() {
        SamTemplate template = parse("{Type: EventBridgeRule, Properties: {Pattern: {source: [s]}, State: DISABLED}}");

        assertThat(template.function("Fn").orElseThrow().events()).singleElement()
                .isInstanceOfSatisfying(FunctionEvent.EventBridgeRule.class, rule -> assertThat(rule.enabled())
                        .isFalse());
    }

    @Test
    void an_sns_subscription_resources_filter_policy_scope_is_kept() {
        SamTemplate template = SamTemplate.parse("""
                Resources:
                  Shipped: {Type: 'AWS::SNS::Topic'}
                  Queue: {Type: 'AWS::SQS::Queue'}
                  Sub:
                    Type: AWS::SNS::Subscription
                    Properties:
                      TopicArn: {Ref: Shipped}
                      Protocol: sqs
                      Endpoint: {'Fn::GetAtt': [Queue, Arn]}
                      FilterPolicy: {order: {status: [paid]}}
                      FilterPolicyScope: MessageBody
                """, Path.of("template.yaml"), "us-east-1");

        assertThat(((TemplateResource.Topic) template.resource("Shipped").orElseThrow()).subscriptions())
                .singleElement().extracting(TemplateResource.Subscription::filterPolicyScope).isEqualTo("MessageBody");
    }

    static SamTemplate parse(String event) {
        return SamTemplate.parse("Resources:\n  Fn: {Type: 'AWS::Serverless::Function', Properties: {Handler: a.B, "
                + "Runtime: java21, Events: {Jobs: " + event + "}}}\n", Path.of("template.yaml"), "us-east-1");
    }
}
