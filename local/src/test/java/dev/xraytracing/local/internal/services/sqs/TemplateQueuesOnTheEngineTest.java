package dev.xraytracing.local.internal.services.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xraytracing.local.template.TemplateResource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeNameForSends;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * The template's queues exist on the engine as CloudFormation creates them, and an unmodified SDK v2 client whose
 * endpoint is the engine's reaches them with the AWS-format URL the template's {@code Ref} resolved.
 */
class TemplateQueuesOnTheEngineTest {
    static final SqsTemplateRun run = new SqsTemplateRun();
    static final String TRACE = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1";

    @AfterAll
    static void stop() {
        run.close();
    }

    @Test
    void the_templates_queue_url_sends_receives_and_deletes_through_an_unmodified_client() {
        String url = run.queue("Backlog").url();
        assertThat(url).startsWith("https://sqs.eu-west-1.amazonaws.com/123456789012/local-Backlog-");

        run.client.sendMessage(b -> b.queueUrl(url).messageBody("one"));
        run.client.sendMessageBatch(b -> b.queueUrl(url).entries(
                SendMessageBatchRequestEntry.builder().id("a").messageBody("two").build(),
                SendMessageBatchRequestEntry.builder().id("b").messageBody("three").build()));
        assertThat(run.depth("Backlog").visible()).isEqualTo(3);

        List<Message> received = run.client.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)
                .waitTimeSeconds(1)).messages();
        assertThat(received).extracting(Message::body).containsExactlyInAnyOrder("one", "two", "three");
        for (Message message : received) {
            run.client.deleteMessage(b -> b.queueUrl(url).receiptHandle(message.receiptHandle()));
        }
        assertThat(run.depth("Backlog").total()).isZero();
    }

    @Test
    void each_queue_has_the_templates_name_arn_and_attributes() {
        TemplateResource.Queue orders = run.queue("Orders");
        Map<QueueAttributeName, String> attributes = run.client.getQueueAttributes(b -> b.queueUrl(orders.url())
                .attributeNames(QueueAttributeName.ALL)).attributes();

        assertThat(attributes).containsEntry(QueueAttributeName.QUEUE_ARN, orders.arn())
                .containsEntry(QueueAttributeName.VISIBILITY_TIMEOUT, "1");
        assertThat(attributes.get(QueueAttributeName.REDRIVE_POLICY))
                .contains(run.queue("OrdersDlq").arn()).contains("2");
        assertThat(run.client.getQueueAttributes(b -> b.queueUrl(run.queue("Payments").url())
                .attributeNames(QueueAttributeName.ALL)).attributes())
                .containsEntry(QueueAttributeName.FIFO_QUEUE, "true")
                .containsEntry(QueueAttributeName.CONTENT_BASED_DEDUPLICATION, "true")
                .containsEntry(QueueAttributeName.QUEUE_ARN, "arn:aws:sqs:eu-west-1:123456789012:payments.fifo");
    }

    @Test
    void get_queue_url_answers_the_url_the_templates_ref_gives() {
        TemplateResource.Queue orders = run.queue("Orders");

        assertThat(run.client.getQueueUrl(b -> b.queueName(orders.name())).queueUrl()).isEqualTo(orders.url());
    }

    @Test
    void a_fifo_queue_deduplicates_by_content_and_keeps_the_group() {
        String url = run.queue("Payments").url();
        run.client.sendMessage(b -> b.queueUrl(url).messageBody("pay 1").messageGroupId("customer-7"));
        run.client.sendMessage(b -> b.queueUrl(url).messageBody("pay 1").messageGroupId("customer-7"));

        List<Message> received = run.client.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();

        assertThat(received).hasSize(1);
        assertThat(received.get(0).attributes()).containsEntry(MessageSystemAttributeName.MESSAGE_GROUP_ID,
                "customer-7");
        run.client.deleteMessage(b -> b.queueUrl(url).receiptHandle(received.get(0).receiptHandle()));
    }

    @Test
    void the_senders_trace_header_becomes_the_messages_aws_trace_header() {
        String url = run.queue("Backlog").url();
        run.client.sendMessage(b -> b.queueUrl(url).messageBody("traced")
                .overrideConfiguration(o -> o.putHeader("X-Amzn-Trace-Id", TRACE)));

        Message message = receiveOne(url);

        assertThat(message.attributes()).containsEntry(MessageSystemAttributeName.AWS_TRACE_HEADER, TRACE);
    }

    @Test
    void every_entry_of_a_batch_gets_the_one_trace_header_of_the_send_message_batch_call() {
        String url = run.queue("Backlog").url();
        run.client.sendMessageBatch(b -> b.queueUrl(url).entries(
                        SendMessageBatchRequestEntry.builder().id("a").messageBody("first").build(),
                        SendMessageBatchRequestEntry.builder().id("b").messageBody("second").build())
                .overrideConfiguration(o -> o.putHeader("X-Amzn-Trace-Id", TRACE)));

        assertThat(List.of(receiveOne(url), receiveOne(url))).allSatisfy(message -> assertThat(message.attributes())
                .containsEntry(MessageSystemAttributeName.AWS_TRACE_HEADER, TRACE));
    }

    @Test
    void an_explicit_aws_trace_header_attribute_wins_over_the_http_header() {
        String url = run.queue("Backlog").url();
        String explicit = "Root=1-5759e988-00000000000000000000beef;Parent=0000000000000001;Sampled=0";
        run.client.sendMessage(b -> b.queueUrl(url).messageBody("explicit")
                .messageSystemAttributes(Map.of(MessageSystemAttributeNameForSends.AWS_TRACE_HEADER,
                        MessageSystemAttributeValue.builder().dataType("String").stringValue(explicit).build()))
                .overrideConfiguration(o -> o.putHeader("X-Amzn-Trace-Id", TRACE)));

        Message message = receiveOne(url);

        assertThat(message.attributes()).containsEntry(MessageSystemAttributeName.AWS_TRACE_HEADER, explicit);
    }

    @Test
    void a_message_sent_without_any_trace_context_has_no_aws_trace_header() {
        String url = run.queue("Backlog").url();
        run.client.sendMessage(b -> b.queueUrl(url).messageBody("untraced"));

        assertThat(receiveOne(url).attributes()).doesNotContainKey(MessageSystemAttributeName.AWS_TRACE_HEADER);
    }

    private static synchronized Message receiveOne(String url) {
        List<Message> received = run.client.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(1)
                .waitTimeSeconds(5).messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
        assertThat(received).hasSize(1);
        run.client.deleteMessage(b -> b.queueUrl(url).receiptHandle(received.get(0).receiptHandle()));
        return received.get(0);
    }
}
