package dev.xraytracing.local.internal.services;

import static dev.xraytracing.local.internal.services.ServiceTesting.ACCOUNT;
import static dev.xraytracing.local.internal.services.ServiceTesting.REGION;
import static dev.xraytracing.local.internal.services.ServiceTesting.awaitQuiet;
import static dev.xraytracing.local.internal.services.ServiceTesting.client;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.xraytracing.local.internal.services.eventbridge.EventBridgeService;
import dev.xraytracing.local.internal.services.schedule.ScheduleService;
import dev.xraytracing.local.internal.services.sns.SnsService;
import dev.xraytracing.local.template.AsyncInvokeConfig;
import dev.xraytracing.local.template.FunctionEvent;
import dev.xraytracing.local.template.TemplateResource;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * A function that SNS, EventBridge or a schedule invokes asynchronously and that fails is retried as Lambda retries it
 * ({@code MaximumRetryAttempts}, default 2), in one trace; then its event goes to its dead-letter queue (with
 * {@code RequestID}, {@code ErrorCode}, {@code ErrorMessage}) and its on-failure destination gets the invocation
 * record. Queues and the DLQ topic's queue are real (ElasticMQ, embedded). What is pinned here is AWS's documented
 * behaviour: https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-error-handling.html (attempts, DLQ
 * attributes) and https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html (the record).
 */
class FailedAsynchronousInvocationsTest {
    static final String TRACE = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1";
    static final String TOPIC = arn("sns", "orders");
    static final String DLQ = arn("sqs", "dead-letters");
    static final String FAILURES = arn("sqs", "failures");
    static final String DLQ_TOPIC = arn("sns", "failed");
    static final String FROM_DLQ_TOPIC = arn("sqs", "from-failed-topic");
    static final ObjectMapper JSON = new ObjectMapper();

    static SQSRestServer elasticMq;
    static String sqsEndpoint;
    static SqsClient sqs;

    final RecordingLambda lambda = new RecordingLambda();
    final List<AutoCloseable> started = new ArrayList<>();
    ServiceContext context;

    @BeforeAll
    static void startTheQueues() {
        elasticMq = SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort().withAWSAccountId(ACCOUNT)
                .withAWSRegion(REGION).start();
        sqsEndpoint = "http://127.0.0.1:" + elasticMq.waitUntilStarted().localAddress().getPort();
        sqs = client(SqsClient.builder(), sqsEndpoint);
        for (String queue : List.of(DLQ, FAILURES, FROM_DLQ_TOPIC)) {
            sqs.createQueue(r -> r.queueName(Targets.name(queue)));
        }
    }

    @AfterAll
    static void stopTheQueues() {
        sqs.close();
        elasticMq.stopAndWait();
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable closeable : started) {
            closeable.close();
        }
        for (String queue : List.of(DLQ, FAILURES, FROM_DLQ_TOPIC)) {
            sqs.purgeQueue(r -> r.queueUrl(url(queue)));
        }
    }

    @Test
    void a_failing_topic_subscriber_is_attempted_three_times_in_one_trace_then_its_event_is_dead_lettered() {
        lambda.failing("Notifier");
        SnsService sns = startSns(Map.of("Notifier", config(2, Optional.empty(), Optional.of(DLQ))));

        try (SnsClient client = client(SnsClient.builder(), sns.endpoint())) {
            client.publish(r -> r.topicArn(TOPIC).message("order 7")
                    .overrideConfiguration(o -> o.putHeader("X-Amzn-Trace-Id", TRACE)));
        }
        awaitQuiet(sns::quiet);

        List<RecordingLambda.Invocation> attempts = lambda.invocationsOf("Notifier");
        assertThat(attempts).as("the first attempt and Lambda's default 2 retries").hasSize(3);
        assertThat(attempts).extracting(RecordingLambda.Invocation::traceHeader).containsOnly(TRACE);
        assertThat(attempts).extracting(RecordingLambda.Invocation::payload).containsOnly(attempts.get(0).payload());
        Message dead = receiveOne(DLQ);
        assertThat(dead.body()).as("the dead-letter message is the event itself").isEqualTo(attempts.get(0).payload());
        assertThat(dead.messageAttributes().get("RequestID").stringValue()).isEqualTo("req-1");
        assertThat(dead.messageAttributes().get("ErrorCode").dataType()).isEqualTo("Number");
        assertThat(dead.messageAttributes().get("ErrorCode").stringValue()).isEqualTo("200");
        assertThat(dead.messageAttributes().get("ErrorMessage").stringValue()).isEqualTo("boom");
        assertThat(sns.summary()).singleElement().asString().endsWith("function error Unhandled (request req-1)"
                + " after 3 attempts; the event went to dead-letter queue dead-letters");
    }

    @Test
    void no_retries_means_one_attempt_before_the_rule_targets_event_is_dead_lettered() {
        lambda.failing("Auditor");
        EventBridgeService events = startEventBridge(Map.of("Auditor", config(0, Optional.empty(),
                Optional.of(DLQ))));

        putEvent(events);
        awaitQuiet(events::quiet);

        assertThat(lambda.invocationsOf("Auditor")).hasSize(1);
        assertThat(receiveOne(DLQ).body()).contains("\"source\":\"shop\"");
    }

    @Test
    void an_on_failure_queue_gets_the_invocation_record_after_the_retries_are_exhausted() throws Exception {
        lambda.failing("Auditor");
        EventBridgeService events = startEventBridge(Map.of("Auditor", config(2, Optional.of(FAILURES),
                Optional.empty())));

        putEvent(events);
        awaitQuiet(events::quiet);

        String event = lambda.invocationsOf("Auditor").get(0).payload();
        JsonNode record = JSON.readTree(receiveOne(FAILURES).body());
        assertThat(record.path("version").asText()).isEqualTo("1.0");
        assertThat(record.path("timestamp").asText()).isNotEmpty();
        JsonNode request = record.path("requestContext");
        assertThat(request.path("condition").asText()).isEqualTo("RetriesExhausted");
        assertThat(request.path("approximateInvokeCount").asInt()).isEqualTo(3);
        assertThat(request.path("requestId").asText()).isEqualTo("req-1");
        assertThat(request.path("functionArn").asText()).isEqualTo(arn("lambda", "function:Auditor") + ":$LATEST");
        assertThat(record.path("requestPayload")).isEqualTo(JSON.readTree(event));
        JsonNode response = record.path("responseContext");
        assertThat(response.path("statusCode").asInt()).isEqualTo(200);
        assertThat(response.path("executedVersion").asText()).isEqualTo("$LATEST");
        assertThat(response.path("functionError").asText()).isEqualTo("Unhandled");
        assertThat(record.path("responsePayload").path("errorMessage").asText()).isEqualTo("boom");
        assertThat(messagesIn(DLQ)).as("no dead-letter queue was configured").isEmpty();
    }

    @Test
    void a_function_that_succeeds_on_its_second_attempt_sends_nothing_on() {
        lambda.failingFirst("Auditor", 1);
        EventBridgeService events = startEventBridge(Map.of("Auditor", config(2, Optional.of(FAILURES),
                Optional.of(DLQ))));

        putEvent(events);
        awaitQuiet(events::quiet);

        assertThat(lambda.invocationsOf("Auditor")).hasSize(2);
        assertThat(events.summary()).isEmpty();
        assertThat(messagesIn(FAILURES)).isEmpty();
        assertThat(messagesIn(DLQ)).isEmpty();
    }

    @Test
    void a_scheduled_events_attempts_share_one_new_trace_and_a_topic_as_dead_letter_queue_gets_the_attributes() {
        lambda.failing("Auditor");
        startSns(Map.of());
        start(new EventBridgeService(context));
        context = context(Map.of("Auditor", config(1, Optional.empty(), Optional.of(DLQ_TOPIC))));
        context.endpoints().putAll(startedEndpoints);
        ScheduleService schedules = start(new ScheduleService(context));

        schedules.fire("Nightly");
        awaitQuiet(schedules::quiet);

        List<RecordingLambda.Invocation> attempts = lambda.invocationsOf("Auditor");
        assertThat(attempts).hasSize(2);
        assertThat(attempts.get(0).traceHeader()).startsWith("Root=1-");
        assertThat(attempts.get(1).traceHeader()).isEqualTo(attempts.get(0).traceHeader());
        Message dead = receiveOne(FROM_DLQ_TOPIC);
        assertThat(dead.body()).isEqualTo(attempts.get(0).payload());
        assertThat(dead.messageAttributes()).containsKeys("RequestID", "ErrorCode", "ErrorMessage");
    }

    private final Map<String, String> startedEndpoints = new LinkedHashMap<>();

    private SnsService startSns(Map<String, AsyncInvokeConfig> configs) {
        context = context(configs);
        return start(new SnsService(context));
    }

    private EventBridgeService startEventBridge(Map<String, AsyncInvokeConfig> configs) {
        context = context(configs);
        start(new SnsService(context));
        return start(new EventBridgeService(context));
    }

    private ServiceContext context(Map<String, AsyncInvokeConfig> configs) {
        ServiceContext made = new ServiceContext(resources(), Map.<String, List<FunctionEvent>>of(), lambda,
                new LinkedHashMap<>(), REGION, ACCOUNT, new InetSocketAddress("127.0.0.1", 2000),
                ServiceTesting.said()::add, configs);
        made.endpoints().put("AWS_ENDPOINT_URL_SQS", sqsEndpoint);
        return made;
    }

    private static List<TemplateResource> resources() {
        String auditor = arn("lambda", "function:Auditor");
        return List.of(
                new TemplateResource.Topic("Orders", "orders", TOPIC, false, List.of(new TemplateResource.Subscription(
                        "lambda", arn("lambda", "function:Notifier"), Optional.empty()))),
                new TemplateResource.Topic("Failed", "failed", DLQ_TOPIC, false, List.of(
                        new TemplateResource.Subscription("sqs", FROM_DLQ_TOPIC, Optional.empty(), true))),
                new TemplateResource.Rule("Audit", "Audit", arn("events", "rule/Audit"), "default",
                        Optional.of("{\"source\":[\"shop\"]}"), Optional.empty(), "ENABLED",
                        List.of(new TemplateResource.Target("fn", auditor, Optional.empty()))),
                new TemplateResource.Rule("Nightly", "Nightly", arn("events", "rule/Nightly"), "default",
                        Optional.empty(), Optional.of("cron(0 2 * * ? *)"), "ENABLED",
                        List.of(new TemplateResource.Target("fn", auditor, Optional.empty()))));
    }

    private <T extends LocalService> T start(T service) {
        started.add(service);
        context.endpoints().put(service.endpointVariable(), service.endpoint());
        startedEndpoints.put(service.endpointVariable(), service.endpoint());
        return service;
    }

    private static AsyncInvokeConfig config(int retries, Optional<String> onFailure, Optional<String> deadLetters) {
        return new AsyncInvokeConfig(retries, 21_600, onFailure, deadLetters);
    }

    private static void putEvent(EventBridgeService events) {
        try (EventBridgeClient client = client(EventBridgeClient.builder(), events.endpoint())) {
            client.putEvents(r -> r.entries(PutEventsRequestEntry.builder().source("shop").detailType("Sold")
                    .detail("{\"n\":1}").traceHeader(TRACE).build()));
        }
    }

    private static Message receiveOne(String queue) {
        List<Message> messages = messagesIn(queue);
        assertThat(messages).as("messages in " + Targets.name(queue)).hasSize(1);
        return messages.get(0);
    }

    private static List<Message> messagesIn(String queue) {
        return sqs.receiveMessage(r -> r.queueUrl(url(queue)).maxNumberOfMessages(10).waitTimeSeconds(1)
                .messageAttributeNames("All")).messages();
    }

    private static String url(String queue) {
        return sqs.getQueueUrl(r -> r.queueName(Targets.name(queue))).queueUrl();
    }

    private static String arn(String service, String resource) {
        return "arn:aws:" + service + ":" + REGION + ":" + ACCOUNT + ":" + resource;
    }
}
