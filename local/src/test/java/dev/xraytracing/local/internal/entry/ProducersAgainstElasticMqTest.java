package dev.xraytracing.local.internal.entry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xraytracing.local.app.LocalRunException;
import dev.xraytracing.local.internal.TraceIds;
import dev.xraytracing.local.template.TemplateResource;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * A message entry goes through an unmodified SqsClient to a real SQS engine (ElasticMQ, embedded, on 127.0.0.1), with
 * the run's trace header where SQS carries it; the dead-letter queues are read back the same way.
 */
class ProducersAgainstElasticMqTest {
    private static final String ACCOUNT = "123456789012";
    private static SQSRestServer server;
    private static String endpoint;
    private static SqsClient consumer;

    @BeforeAll
    static void start() {
        server = SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort().withAWSAccountId(ACCOUNT)
                .withAWSRegion("us-east-1").start();
        endpoint = "http://127.0.0.1:" + server.waitUntilStarted().localAddress().getPort();
        consumer = SqsClient.builder().endpointOverride(URI.create(endpoint)).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        consumer.createQueue(r -> r.queueName("jobs-dlq"));
        consumer.createQueue(r -> r.queueName("jobs"));
        consumer.createQueue(r -> r.queueName("payments.fifo").attributes(Map.of(QueueAttributeName.FIFO_QUEUE,
                "true")));
    }

    @AfterAll
    static void stop() {
        consumer.close();
        server.stopAndWait();
    }

    private static TemplateResource.Queue queue(String logicalId, String name, boolean fifo, String deadLetterArn) {
        return new TemplateResource.Queue(logicalId, name, "arn:aws:sqs:us-east-1:" + ACCOUNT + ":" + name,
                "https://sqs.us-east-1.amazonaws.com/" + ACCOUNT + "/" + name, fifo, false, 30, 0, 345600,
                Optional.ofNullable(deadLetterArn).map(arn -> new TemplateResource.RedrivePolicy(arn, 3)));
    }

    private static final TemplateResource.Queue DLQ = queue("JobsDlq", "jobs-dlq", false, null);
    private static final TemplateResource.Queue JOBS = queue("Jobs", "jobs", false, DLQ.arn());
    private static final TemplateResource.Queue PAYMENTS = queue("Payments", "payments.fifo", true, null);

    private static Producers producers() {
        return new Producers(variable -> variable.equals("AWS_ENDPOINT_URL_SQS") ? Optional.of(endpoint)
                : Optional.empty(), "us-east-1");
    }

    private static Message receiveOne(String queueName) {
        String url = consumer.getQueueUrl(r -> r.queueName(queueName)).queueUrl();
        List<Message> messages = consumer.receiveMessage(r -> r.queueUrl(url).waitTimeSeconds(5)
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
        assertThat(messages).hasSize(1);
        consumer.deleteMessage(r -> r.queueUrl(url).receiptHandle(messages.get(0).receiptHandle()));
        return messages.get(0);
    }

    @Test
    void a_message_reaches_the_queue_with_the_runs_trace_header_as_its_aws_trace_header() {
        String trace = TraceIds.newTrace().toString();
        try (Producers producers = producers()) {
            Producers.Delivery delivery = producers.sendMessage(JOBS, "{\"order\": 42}", trace);

            assertThat(delivery.status()).as(delivery.answer()).isEqualTo(200);
            Message message = receiveOne("jobs");
            assertThat(message.messageId()).isEqualTo(delivery.answer());
            assertThat(message.body()).isEqualTo("{\"order\": 42}");
            assertThat(message.attributes()).containsEntry(MessageSystemAttributeName.AWS_TRACE_HEADER, trace);
        }
    }

    @Test
    void a_fifo_queue_gets_a_group_and_a_deduplication_id_so_each_entry_is_one_message() {
        try (Producers producers = producers()) {
            assertThat(producers.sendMessage(PAYMENTS, "same", null).status()).isEqualTo(200);
            assertThat(producers.sendMessage(PAYMENTS, "same", null).status()).isEqualTo(200);

            assertThat(receiveOne("payments.fifo").attributes())
                    .containsEntry(MessageSystemAttributeName.MESSAGE_GROUP_ID, Producers.MESSAGE_GROUP);
            assertThat(receiveOne("payments.fifo").body()).isEqualTo("same");
        }
    }

    @Test
    void a_queue_the_engine_does_not_have_is_a_refused_delivery_naming_the_error() {
        try (Producers producers = producers()) {
            Producers.Delivery delivery = producers.sendMessage(queue("Gone", "gone", false, null), "x", null);

            assertThat(delivery.status()).isEqualTo(400);
            assertThat(delivery.answer()).isEqualTo("QueueDoesNotExist: The specified queue does not exist.");
        }
    }

    @Test
    void the_dead_letter_queues_are_the_redrive_targets_and_their_messages_are_counted() {
        try (Producers producers = producers()) {
            producers.sendMessage(DLQ, "poison", null);

            assertThat(DeadLetters.count(List.of(JOBS, DLQ, PAYMENTS), List.of(), producers)).containsExactly(
                    Map.entry("JobsDlq", 1));
            receiveOne("jobs-dlq");
        }
    }

    @Test
    void a_service_without_an_engine_is_one_line_and_no_dead_letters_are_read() {
        try (Producers none = new Producers(variable -> Optional.empty(), "us-east-1")) {
            assertThatThrownBy(() -> none.publish(new TemplateResource.Topic("Shipped", "shipped",
                    "arn:aws:sns:us-east-1:" + ACCOUNT + ":shipped", false, List.of()), "m", null))
                    .isInstanceOf(LocalRunException.class)
                    .hasMessage("no SNS engine runs in this app (the template declares none of its resources, or"
                            + " this build has no engine for it yet)");
            assertThat(DeadLetters.count(List.of(JOBS, DLQ), List.of(), none)).isEmpty();
        }
    }
}
