package dev.xraytracing.local.internal.services;

import static dev.xraytracing.local.internal.services.ServiceTesting.ACCOUNT;
import static dev.xraytracing.local.internal.services.ServiceTesting.awaitQuiet;
import static dev.xraytracing.local.internal.services.ServiceTesting.client;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.xraytracing.local.internal.services.eventbridge.EventBridgeService;
import dev.xraytracing.local.internal.services.schedule.ScheduleService;
import dev.xraytracing.local.internal.services.sns.SnsService;
import dev.xraytracing.local.template.FunctionEvent;
import dev.xraytracing.local.template.TemplateResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * SNS, EventBridge and schedules deliver to a real queue (ElasticMQ, embedded) with {@code SendMessage}: SNS's JSON
 * envelope or the raw message, EventBridge's event, and the trace header as the message's {@code AWSTraceHeader}.
 */
class DeliveriesToAQueueTest {
    static final String TRACE = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1";
    static final String TOPIC = "arn:aws:sns:us-east-1:" + ACCOUNT + ":shipped";
    static final String QUEUE = "arn:aws:sqs:us-east-1:" + ACCOUNT + ":audit";

    final RecordingLambda lambda = new RecordingLambda();
    final List<AutoCloseable> started = new ArrayList<>();
    static SQSRestServer elasticMq;
    static String endpoint;
    static SqsClient sqs;
    static String queueUrl;
    ServiceContext context;

    @BeforeAll
    static void startTheQueue() {
        elasticMq = SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort().withAWSAccountId(ACCOUNT)
                .withAWSRegion("us-east-1").start();
        endpoint = "http://127.0.0.1:" + elasticMq.waitUntilStarted().localAddress().getPort();
        sqs = client(SqsClient.builder(), endpoint);
        queueUrl = sqs.createQueue(r -> r.queueName("audit")).queueUrl();
    }

    @AfterAll
    static void stopTheQueue() {
        sqs.close();
        elasticMq.stopAndWait();
    }

    @BeforeEach
    void readTheTemplate() {
        context = ServiceTesting.context(List.of(
                new TemplateResource.Topic("Shipped", "shipped", TOPIC, false, List.of(
                        new TemplateResource.Subscription("sqs", QUEUE, Optional.of("{\"kind\":[\"audit\"]}")))),
                new TemplateResource.Rule("ToQueue", "ToQueue", "arn:aws:events:us-east-1:" + ACCOUNT
                        + ":rule/ToQueue", "default", Optional.of("{\"source\":[\"shop\"]}"), Optional.empty(),
                        "ENABLED", List.of(new TemplateResource.Target("q", QUEUE, Optional.empty()))),
                new TemplateResource.Rule("Nightly", "Nightly", "arn:aws:events:us-east-1:" + ACCOUNT
                        + ":rule/Nightly", "default", Optional.empty(), Optional.of("cron(0 2 * * ? *)"),
                        "ENABLED", List.of(new TemplateResource.Target("q", QUEUE, Optional.empty())))),
                Map.<String, List<FunctionEvent>>of(), lambda, ServiceTesting.said());
        context.endpoints().put("AWS_ENDPOINT_URL_SQS", endpoint);
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable closeable : started) {
            closeable.close();
        }
        sqs.purgeQueue(r -> r.queueUrl(queueUrl));
    }

    private <T extends LocalService> T start(T service) {
        started.add(service);
        context.endpoints().put(service.endpointVariable(), service.endpoint());
        return service;
    }

    @Test
    void a_queue_subscriber_gets_snss_envelope_with_the_publishers_trace_header_as_aws_trace_header() throws Exception {
        SnsService sns = start(new SnsService(context));
        try (SnsClient client = client(SnsClient.builder(), sns.endpoint())) {
            String id = client.publish(r -> r.topicArn(TOPIC).message("hello").subject("Hi")
                    .messageAttributes(Map.of("kind", string("audit")))
                    .overrideConfiguration(o -> o.putHeader("X-Amzn-Trace-Id", TRACE))).messageId();
            client.publish(r -> r.topicArn(TOPIC).message("filtered out").messageAttributes(Map.of("kind",
                    string("other"))));
            awaitQuiet(sns::quiet);

            Message message = receiveOne();
            assertThat(message.attributes()).containsEntry(MessageSystemAttributeName.AWS_TRACE_HEADER, TRACE);
            JsonNode envelope = new ObjectMapper().readTree(message.body());
            assertThat(envelope.path("Type").asText()).isEqualTo("Notification");
            assertThat(envelope.path("MessageId").asText()).isEqualTo(id);
            assertThat(envelope.path("TopicArn").asText()).isEqualTo(TOPIC);
            assertThat(envelope.path("Subject").asText()).isEqualTo("Hi");
            assertThat(envelope.path("Message").asText()).isEqualTo("hello");
            assertThat(envelope.path("MessageAttributes").path("kind").path("Value").asText()).isEqualTo("audit");
            assertThat(envelope.has("SigningCertURL") && envelope.has("UnsubscribeURL")).isTrue();
            assertThat(sqs.receiveMessage(r -> r.queueUrl(queueUrl).waitTimeSeconds(0)).messages())
                    .as("the filter policy kept the other message out").isEmpty();
        }
    }

    @Test
    void raw_message_delivery_sends_the_message_itself_with_its_attributes_as_queue_attributes() {
        SnsService sns = start(new SnsService(context));
        try (SnsClient client = client(SnsClient.builder(), sns.endpoint())) {
            String subscription = client.listSubscriptionsByTopic(r -> r.topicArn(TOPIC)).subscriptions().get(0)
                    .subscriptionArn();
            client.setSubscriptionAttributes(r -> r.subscriptionArn(subscription).attributeName("RawMessageDelivery")
                    .attributeValue("true"));

            client.publish(r -> r.topicArn(TOPIC).message("raw body").messageAttributes(Map.of("kind",
                    string("audit"), "count", MessageAttributeValue.builder().dataType("Number").stringValue("3")
                            .build())));
            awaitQuiet(sns::quiet);

            Message message = receiveOne();
            assertThat(message.body()).isEqualTo("raw body");
            assertThat(message.messageAttributes().get("kind").stringValue()).isEqualTo("audit");
            assertThat(message.messageAttributes().get("count").dataType()).isEqualTo("Number");
            assertThat(message.attributes()).doesNotContainKey(MessageSystemAttributeName.AWS_TRACE_HEADER);
        }
    }

    @Test
    void a_queue_target_gets_the_event_with_the_entrys_trace_header_and_a_schedule_without_one() {
        start(new SnsService(context));
        EventBridgeService events = start(new EventBridgeService(context));
        ScheduleService schedules = start(new ScheduleService(context));
        try (EventBridgeClient client = client(EventBridgeClient.builder(), events.endpoint())) {
            client.putEvents(r -> r.entries(PutEventsRequestEntry.builder().source("shop").detailType("Sold")
                    .detail("{\"n\":1}").traceHeader(TRACE).build()));
            awaitQuiet(events::quiet);

            Message event = receiveOne();
            assertThat(event.attributes()).containsEntry(MessageSystemAttributeName.AWS_TRACE_HEADER, TRACE);
            assertThat(ServiceTesting.asEvent(event.body(), ScheduledEvent.class).getDetail()).containsEntry("n", 1);

            schedules.fire("Nightly");
            awaitQuiet(schedules::quiet);

            Message scheduled = receiveOne();
            assertThat(scheduled.attributes()).doesNotContainKey(MessageSystemAttributeName.AWS_TRACE_HEADER);
            assertThat(ServiceTesting.asEvent(scheduled.body(), ScheduledEvent.class).getDetailType())
                    .isEqualTo("Scheduled Event");
        }
    }

    private Message receiveOne() {
        List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10)
                .waitTimeSeconds(1).messageAttributeNames("All")
                .messageSystemAttributeNames(MessageSystemAttributeName.AWS_TRACE_HEADER)).messages();
        assertThat(messages).hasSize(1);
        sqs.deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(messages.get(0).receiptHandle()));
        return messages.get(0);
    }

    private static MessageAttributeValue string(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }
}
