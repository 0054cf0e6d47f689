package dev.xraytracing.local.internal.services.sns;

import static dev.xraytracing.local.internal.services.ServiceTesting.ACCOUNT;
import static dev.xraytracing.local.internal.services.ServiceTesting.asEvent;
import static dev.xraytracing.local.internal.services.ServiceTesting.awaitQuiet;
import static dev.xraytracing.local.internal.services.ServiceTesting.client;
import static dev.xraytracing.local.internal.services.ServiceTesting.context;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.xraytracing.local.internal.services.RecordingLambda;
import dev.xraytracing.local.internal.services.ServiceTesting;
import dev.xraytracing.local.template.FunctionEvent;
import dev.xraytracing.local.template.TemplateResource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sns.model.PublishBatchResponse;
import software.amazon.awssdk.services.sns.model.PublishResponse;
import software.amazon.awssdk.services.sns.model.SnsException;
import software.amazon.awssdk.services.sns.model.Subscription;

/**
 * SNS as an unmodified {@code SnsClient} uses it: the template's topics and subscriptions exist from the start,
 * published messages reach each subscribed function asynchronously as Lambda's SNS event with the publisher's trace
 * header, filter policies decide as SNS decides, and what is not simulated fails honestly.
 */
class SnsServiceTest {
    static final String TOPIC = "arn:aws:sns:us-east-1:" + ACCOUNT + ":shipped";
    static final String TRACE = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1";

    final RecordingLambda lambda = new RecordingLambda();
    final List<String> said = ServiceTesting.said();
    SnsService service;
    SnsClient sns;

    void start(List<TemplateResource> resources, Map<String, List<FunctionEvent>> events) {
        service = new SnsService(context(resources, events, lambda, said));
        sns = client(SnsClient.builder(), service.endpoint());
    }

    @AfterEach
    void stop() {
        if (sns != null) {
            sns.close();
        }
        if (service != null) {
            service.close();
        }
    }

    static TemplateResource.Topic topic(TemplateResource.Subscription... subscriptions) {
        return new TemplateResource.Topic("Shipped", "shipped", TOPIC, false, List.of(subscriptions));
    }

    static String functionArn(String name) {
        return "arn:aws:lambda:us-east-1:" + ACCOUNT + ":function:" + name;
    }

    @Test
    void a_published_message_reaches_the_subscribed_function_as_lambdas_sns_event_with_the_publishers_trace() {
        start(List.of(topic(new TemplateResource.Subscription("lambda", functionArn("Notifier"), Optional.empty()))),
                Map.of());

        PublishResponse published = sns.publish(r -> r.topicArn(TOPIC).message("{\"order\":1}").subject("Shipped")
                .messageAttributes(Map.of("kind", MessageAttributeValue.builder().dataType("String")
                        .stringValue("shipped").build()))
                .overrideConfiguration(o -> o.putHeader("X-Amzn-Trace-Id", TRACE)));
        awaitQuiet(service::quiet);

        assertThat(lambda.invocations()).singleElement().satisfies(invocation -> {
            assertThat(invocation.functionName()).isEqualTo("Notifier");
            assertThat(invocation.traceHeader()).isEqualTo(TRACE);
            SNSEvent event = asEvent(invocation.payload(), SNSEvent.class);
            SNSEvent.SNSRecord record = event.getRecords().get(0);
            assertThat(record.getEventSource()).isEqualTo("aws:sns");
            assertThat(record.getEventVersion()).isEqualTo("1.0");
            assertThat(record.getEventSubscriptionArn()).startsWith(TOPIC + ":");
            SNSEvent.SNS message = record.getSNS();
            assertThat(message.getType()).isEqualTo("Notification");
            assertThat(message.getMessageId()).isEqualTo(published.messageId());
            assertThat(message.getTopicArn()).isEqualTo(TOPIC);
            assertThat(message.getSubject()).isEqualTo("Shipped");
            assertThat(message.getMessage()).isEqualTo("{\"order\":1}");
            assertThat(message.getTimestamp()).isNotNull();
            assertThat(message.getSignatureVersion()).isEqualTo("1");
            assertThat(message.getSignature()).isNotEmpty();
            assertThat(message.getSigningCertUrl()).startsWith(service.endpoint());
            assertThat(message.getUnsubscribeUrl()).contains("Action=Unsubscribe&SubscriptionArn=" + TOPIC);
            assertThat(message.getMessageAttributes()).containsOnlyKeys("kind");
            assertThat(message.getMessageAttributes().get("kind").getType()).isEqualTo("String");
            assertThat(message.getMessageAttributes().get("kind").getValue()).isEqualTo("shipped");
        });
    }

    @Test
    void the_event_has_every_field_lambda_sends_with_a_null_subject_and_empty_attributes_when_none_are_given()
            throws Exception {
        start(List.of(topic()), Map.of("Notifier", List.of(new FunctionEvent.Sns("Shipped", TOPIC,
                Optional.empty()))));

        sns.publish(r -> r.topicArn(TOPIC).message("plain"));
        awaitQuiet(service::quiet);

        JsonNode record = new ObjectMapper().readTree(lambda.invocations().get(0).payload()).path("Records").get(0);
        assertThat(record.fieldNames()).toIterable()
                .containsExactlyInAnyOrder("EventSource", "EventVersion", "EventSubscriptionArn", "Sns");
        assertThat(record.path("Sns").fieldNames()).toIterable().containsExactlyInAnyOrder("Type", "MessageId",
                "TopicArn", "Subject", "Message", "Timestamp", "SignatureVersion", "Signature", "SigningCertUrl",
                "UnsubscribeUrl", "MessageAttributes");
        assertThat(record.path("Sns").path("Subject").isNull()).isTrue();
        assertThat(record.path("Sns").path("MessageAttributes").isEmpty()).isTrue();
        assertThat(record.path("Sns").path("Timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(lambda.invocations().get(0).traceHeader())
                .as("no header on the Publish: only the new root Lambda keeps for the event's retries, undecided")
                .matches("Root=1-[0-9a-f]{8}-[0-9a-f]{24}");
    }

    @Test
    void a_functions_filter_policy_lets_through_only_the_messages_whose_attributes_match() {
        start(List.of(topic()), Map.of(
                "Big", List.of(new FunctionEvent.Sns("Big", TOPIC, Optional.of(
                        "{\"kind\":[{\"prefix\":\"ship\"}],\"total\":[{\"numeric\":[\">=\",100]}]}"))),
                "NotTest", List.of(new FunctionEvent.Sns("NotTest", TOPIC, Optional.of(
                        "{\"kind\":[{\"anything-but\":[\"test\"]}]}"))),
                "Tagged", List.of(new FunctionEvent.Sns("Tagged", TOPIC, Optional.of(
                        "{\"tags\":[\"urgent\"],\"region\":[{\"exists\":false}]}")))));

        publish(Map.of("kind", string("shipped"), "total", number("150")));
        publish(Map.of("kind", string("shipped"), "total", number("99.5")));
        publish(Map.of("kind", string("test"), "total", number("500")));
        publish(Map.of("tags", MessageAttributeValue.builder().dataType("String.Array")
                .stringValue("[\"late\",\"urgent\"]").build()));
        publish(Map.of("tags", MessageAttributeValue.builder().dataType("String.Array")
                .stringValue("[\"urgent\"]").build(), "region", string("eu")));
        awaitQuiet(service::quiet);

        assertThat(lambda.invocationsOf("Big")).as("prefix ship and total >= 100").hasSize(1);
        assertThat(lambda.invocationsOf("NotTest")).as("kind present and not test").hasSize(2);
        assertThat(lambda.invocationsOf("Tagged")).as("tags holds urgent and there is no region").hasSize(1);
    }

    @Test
    void a_body_scoped_filter_policy_matches_the_json_message() {
        start(List.of(topic()), Map.of());
        String subscription = sns.subscribe(r -> r.topicArn(TOPIC).protocol("lambda").endpoint(functionArn("Body"))
                .attributes(Map.of("FilterPolicy", "{\"order\":{\"status\":[\"paid\"]}}",
                        "FilterPolicyScope", "MessageBody"))).subscriptionArn();

        sns.publish(r -> r.topicArn(TOPIC).message("{\"order\":{\"status\":\"paid\"}}"));
        sns.publish(r -> r.topicArn(TOPIC).message("{\"order\":{\"status\":\"open\"}}"));
        sns.publish(r -> r.topicArn(TOPIC).message("not json"));
        awaitQuiet(service::quiet);

        assertThat(lambda.invocationsOf("Body")).hasSize(1);
        assertThat(sns.getSubscriptionAttributes(r -> r.subscriptionArn(subscription)).attributes())
                .containsEntry("FilterPolicyScope", "MessageBody").containsEntry("Protocol", "lambda");
    }

    @Test
    void a_template_subscriptions_body_scope_matches_the_json_message_for_a_function_event_and_a_queue() {
        String queue = "arn:aws:sqs:us-east-1:" + ACCOUNT + ":paid";
        start(List.of(topic(new TemplateResource.Subscription("sqs", queue,
                        Optional.of("{\"order\":{\"status\":[\"paid\"]}}"), false, "MessageBody"))),
                Map.of("Paid", List.of(new FunctionEvent.Sns("Paid", TOPIC,
                        Optional.of("{\"order\":{\"status\":[\"paid\"]}}"), "MessageBody"))));

        sns.publish(r -> r.topicArn(TOPIC).message("{\"order\":{\"status\":\"paid\"}}"));
        sns.publish(r -> r.topicArn(TOPIC).message("{\"order\":{\"status\":\"open\"}}")
                .messageAttributes(Map.of("order", string("paid"))));
        awaitQuiet(service::quiet);

        assertThat(lambda.invocationsOf("Paid")).as("the body, not the attributes, decides").hasSize(1);
        assertThat(sns.listSubscriptionsByTopic(r -> r.topicArn(TOPIC)).subscriptions())
                .allSatisfy(s -> assertThat(sns.getSubscriptionAttributes(r -> r.subscriptionArn(s.subscriptionArn()))
                        .attributes()).containsEntry("FilterPolicyScope", "MessageBody"));
    }

    @Test
    void topics_are_created_once_and_listed_with_their_attributes_and_subscriptions() {
        start(List.of(topic(new TemplateResource.Subscription("lambda", functionArn("Notifier"), Optional.empty()))),
                Map.of());

        assertThat(sns.createTopic(r -> r.name("shipped")).topicArn()).isEqualTo(TOPIC);
        String fifo = sns.createTopic(r -> r.name("orders.fifo").attributes(Map.of("FifoTopic", "true"))).topicArn();
        sns.subscribe(r -> r.topicArn(TOPIC).protocol("lambda").endpoint(functionArn("Other")));

        assertThat(sns.listTopics().topics()).extracting(t -> t.topicArn()).containsExactly(TOPIC,
                "arn:aws:sns:us-east-1:" + ACCOUNT + ":orders.fifo");
        assertThat(sns.getTopicAttributes(r -> r.topicArn(fifo)).attributes()).containsEntry("FifoTopic", "true")
                .containsEntry("TopicArn", fifo).containsEntry("Owner", ACCOUNT);
        assertThat(sns.listSubscriptionsByTopic(r -> r.topicArn(TOPIC)).subscriptions())
                .extracting(Subscription::endpoint).containsExactly(functionArn("Notifier"), functionArn("Other"));
        assertThat(sns.listSubscriptions().subscriptions()).hasSize(2).allMatch(s -> s.owner().equals(ACCOUNT));
    }

    @Test
    void a_template_subscription_keeps_its_raw_message_delivery_and_filter_policy() {
        start(List.of(topic(new TemplateResource.Subscription("sqs", "arn:aws:sqs:us-east-1:" + ACCOUNT + ":audit",
                Optional.of("{\"kind\":[\"audit\"]}"), true))), Map.of());

        String arn = sns.listSubscriptionsByTopic(r -> r.topicArn(TOPIC)).subscriptions().get(0).subscriptionArn();

        assertThat(sns.getSubscriptionAttributes(r -> r.subscriptionArn(arn)).attributes())
                .containsEntry("RawMessageDelivery", "true").containsEntry("FilterPolicy", "{\"kind\":[\"audit\"]}")
                .containsEntry("FilterPolicyScope", "MessageAttributes");
    }

    @Test
    void a_batch_answers_each_entry_on_its_own_and_delivers_the_accepted_ones() {
        start(List.of(topic(new TemplateResource.Subscription("lambda", functionArn("Notifier"), Optional.empty()))),
                Map.of());

        PublishBatchResponse batch = sns.publishBatch(r -> r.topicArn(TOPIC).publishBatchRequestEntries(
                e -> e.id("a").message("one"), e -> e.id("b").message(""), e -> e.id("c").message("three")));
        awaitQuiet(service::quiet);

        assertThat(batch.successful()).extracting(s -> s.id()).containsExactly("a", "c");
        assertThat(batch.failed()).singleElement().satisfies(f -> {
            assertThat(f.id()).isEqualTo("b");
            assertThat(f.code()).isEqualTo("InvalidParameter");
            assertThat(f.senderFault()).isTrue();
        });
        assertThat(lambda.invocations()).extracting(i -> asEvent(i.payload(), SNSEvent.class).getRecords().get(0)
                .getSNS().getMessage()).containsExactlyInAnyOrder("one", "three");
    }

    @Test
    void a_json_structured_message_gives_each_protocol_its_own_text() {
        start(List.of(topic(new TemplateResource.Subscription("lambda", functionArn("Notifier"), Optional.empty()))),
                Map.of());

        sns.publish(r -> r.topicArn(TOPIC).messageStructure("json")
                .message("{\"default\":\"for everyone\",\"lambda\":\"for functions\"}"));
        awaitQuiet(service::quiet);

        assertThat(asEvent(lambda.invocations().get(0).payload(), SNSEvent.class).getRecords().get(0).getSNS()
                .getMessage()).isEqualTo("for functions");
    }

    @Test
    void errors_are_snss_own_a_missing_topic_is_not_found_and_an_action_not_simulated_says_so() {
        start(List.of(topic()), Map.of());

        assertThat(catchThrowableOfType(NotFoundException.class, () -> sns.publish(r -> r
                .topicArn("arn:aws:sns:us-east-1:" + ACCOUNT + ":nope").message("x"))).getMessage())
                .contains("Topic does not exist");
        SnsException empty = catchThrowableOfType(SnsException.class, () -> sns.publish(r -> r.topicArn(TOPIC)));
        assertThat(empty.awsErrorDetails().errorCode()).isEqualTo("InvalidParameter");
        SnsException notSimulated = catchThrowableOfType(SnsException.class, () -> sns.listPlatformApplications());
        assertThat(notSimulated.statusCode()).isEqualTo(501);
        assertThat(notSimulated.awsErrorDetails().errorMessage()).contains("ListPlatformApplications")
                .contains("Publish");
        SnsException email = catchThrowableOfType(SnsException.class, () -> sns.subscribe(r -> r.topicArn(TOPIC)
                .protocol("email").endpoint("someone@example.com")));
        assertThat(email.awsErrorDetails().errorMessage()).contains("lambda, sqs");
    }

    @Test
    void a_delivery_that_fails_is_one_summary_line_and_the_service_becomes_quiet() {
        lambda.failing("Notifier");
        start(List.of(topic(new TemplateResource.Subscription("lambda", functionArn("Notifier"), Optional.empty()),
                new TemplateResource.Subscription("sqs", "arn:aws:sqs:us-east-1:" + ACCOUNT + ":audit",
                        Optional.empty()))), Map.of());

        String id = sns.publish(r -> r.topicArn(TOPIC).message("x")).messageId();
        awaitQuiet(service::quiet);

        assertThat(service.summary()).containsExactlyInAnyOrder(
                "SNS topic shipped to function Notifier (message " + id + "): function error Unhandled (request req-1) after 3 attempts; dropped (no on-failure destination or"
                        + " dead-letter queue)",
                "SNS topic shipped to queue audit (message " + id + "): no queue service runs here (the template"
                        + " declares no queue)");
    }

    @Test
    void a_subscription_the_run_cannot_deliver_and_a_topic_outside_the_template_are_one_line_each() {
        start(List.of(topic(new TemplateResource.Subscription("firehose", "arn:aws:firehose:us-east-1:" + ACCOUNT
                + ":deliverystream/s", Optional.empty()))), Map.of("Notifier", List.of(new FunctionEvent.Sns(
                "Elsewhere", "arn:aws:sns:us-east-1:999999999999:other", Optional.empty()))));

        assertThat(said).hasSize(2);
        assertThat(said.get(0)).startsWith("topic Shipped: the firehose subscription").contains("is skipped");
        assertThat(said.get(1)).isEqualTo("function Notifier: event Elsewhere subscribes to"
                + " arn:aws:sns:us-east-1:999999999999:other, which is no topic of the template; it receives nothing");
    }

    private void publish(Map<String, MessageAttributeValue> attributes) {
        sns.publish(r -> r.topicArn(TOPIC).message("m").messageAttributes(attributes));
    }

    private static MessageAttributeValue string(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }

    private static MessageAttributeValue number(String value) {
        return MessageAttributeValue.builder().dataType("Number").stringValue(value).build();
    }
}
