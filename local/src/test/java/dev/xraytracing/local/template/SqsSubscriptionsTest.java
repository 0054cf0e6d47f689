package dev.xraytracing.local.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xraytracing.local.app.LocalRunException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * An SNS event with {@code SqsSubscription} is expanded as SAM expands it: a queue {@code {Function}{Event}Queue}
 * (FIFO for a FIFO topic), a subscription {@code {Function}{Event}} with the event's filter, and an SQS event on the
 * queue; with a map, the given queue and batch size.
 */
class SqsSubscriptionsTest {
    static SamTemplate parse(String topic, String subscription) {
        return SamTemplate.parse("Resources:\n  Shipped: " + topic + "\n  Mine: {Type: 'AWS::SQS::Queue'}\n"
                + "  Notifier: {Type: 'AWS::Serverless::Function', Properties: {Handler: a.B, Runtime: java21, "
                + "Events: {OnShipped: {Type: SNS, Properties: {Topic: {Ref: Shipped}, SqsSubscription: "
                + subscription + ", FilterPolicy: {kind: [parcel]}, FilterPolicyScope: MessageAttributes}}}}}\n",
                Path.of("template.yaml"), "us-east-1");
    }

    @Test
    void true_adds_a_queue_a_subscription_and_an_sqs_event_as_sam_does() {
        SamTemplate template = parse("{Type: 'AWS::SNS::Topic'}", "true");

        TemplateResource.Queue queue = (TemplateResource.Queue) template.resource("NotifierOnShippedQueue")
                .orElseThrow();
        assertThat(queue.fifo()).isFalse();
        assertThat(((TemplateResource.Topic) template.resource("Shipped").orElseThrow()).subscriptions())
                .containsExactly(new TemplateResource.Subscription("sqs", queue.arn(),
                        Optional.of("{\"kind\":[\"parcel\"]}"), false, "MessageAttributes"));
        assertThat(template.function("Notifier").orElseThrow().events()).containsExactly(
                new FunctionEvent.Sqs("OnShipped", queue.arn(), 10, 0, false, true, List.of()));
        assertThat(template.warnings()).isEmpty();
    }

    @Test
    void a_fifo_topic_gets_a_fifo_queue() {
        SamTemplate template = parse("{Type: 'AWS::SNS::Topic', Properties: {FifoTopic: true}}", "true");

        assertThat(((TemplateResource.Queue) template.resource("NotifierOnShippedQueue").orElseThrow()).fifo())
                .isTrue();
    }

    @Test
    void a_map_names_the_queue_and_the_batch_size() {
        SamTemplate template = parse("{Type: 'AWS::SNS::Topic'}",
                "{QueueArn: {'Fn::GetAtt': [Mine, Arn]}, QueueUrl: {Ref: Mine}, BatchSize: 3, Enabled: false}");

        String mine = template.resource("Mine").orElseThrow().arn();
        assertThat(template.resource("NotifierOnShippedQueue")).isEmpty();
        assertThat(template.function("Notifier").orElseThrow().events()).containsExactly(
                new FunctionEvent.Sqs("OnShipped", mine, 3, 0, false, true, List.of()));
    }

    @Test
    void a_map_without_queue_url_is_refused_as_sam_refuses_it() {
        assertThatThrownBy(() -> parse("{Type: 'AWS::SNS::Topic'}", "{QueueArn: {'Fn::GetAtt': [Mine, Arn]}}"))
                .isInstanceOf(LocalRunException.class)
                .hasMessage("template.yaml: resource Notifier (AWS::Serverless::Function): event OnShipped (SNS): "
                        + "SqsSubscription: No QueueARN or QueueURL provided.");
    }

    @Test
    void false_keeps_the_direct_subscription() {
        SamTemplate template = parse("{Type: 'AWS::SNS::Topic'}", "false");

        assertThat(template.function("Notifier").orElseThrow().events()).singleElement()
                .isInstanceOf(FunctionEvent.Sns.class);
    }
}
