package dev.xraytracing.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xraytracing.local.app.LocalFunction;
import dev.xraytracing.local.template.TemplateResource;
import dev.xraytracing.testing.SegmentDocumentSchema;
import dev.xraytracing.trace.RecordedEntity;
import dev.xraytracing.trace.RecordedTrace;
import dev.xraytracing.trace.TraceDocuments;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Under the runtime interface client, a function publishes to a topic and puts an event on a bus with unmodified SDK
 * clients; the topic's subscriber and the rule's target run with the events library's types, and their traces
 * continue the publisher's, each under the publisher's call that passed the header on.
 */
class TopicAndBusTracesTest {
    static final String ACCOUNT = "123456789012";
    static final String TOPIC = "arn:aws:sns:us-east-1:" + ACCOUNT + ":orders";
    static final List<String> OUTPUT = new CopyOnWriteArrayList<>();
    static LocalPlatform platform;
    static LocalPlatform.ApiResponse published;
    static List<String> documents;

    @BeforeAll
    static void publishOnce() {
        platform = LocalPlatform.builder()
                .function(LocalFunction.of("Publisher", "dev.xraytracing.local.handlers.PublishingHandler")
                        .env("TOPIC_ARN", TOPIC))
                .function(LocalFunction.of("Subscriber",
                        "dev.xraytracing.local.handlers.EventReadingHandlers$SnsSubscriber"))
                .function(LocalFunction.of("Target", "dev.xraytracing.local.handlers.EventReadingHandlers$RuleTarget"))
                .resources(List.of(
                        new TemplateResource.Topic("Orders", "orders", TOPIC, false, List.of(
                                new TemplateResource.Subscription("lambda", "arn:aws:lambda:us-east-1:" + ACCOUNT
                                        + ":function:Subscriber", Optional.empty()))),
                        new TemplateResource.Rule("Placed", "Placed", "arn:aws:events:us-east-1:" + ACCOUNT
                                + ":rule/Placed", "default", Optional.of("{\"source\":[\"shop.orders\"]}"),
                                Optional.empty(), "ENABLED", List.of(new TemplateResource.Target("t",
                                "arn:aws:lambda:us-east-1:" + ACCOUNT + ":function:Target", Optional.empty())))))
                .output(OUTPUT::add)
                .start();
        published = platform.invoke("Publisher", "{}", null);
        // The deliveries are asynchronous and the subscribers' JVMs start cold: wait for their segments (a bound,
        // not a timed assertion).
        long deadline = System.nanoTime() + 120_000_000_000L;
        documents = platform.awaitDocuments();
        while (!(hasFunction("Subscriber") && hasFunction("Target")) && System.nanoTime() < deadline) {
            sleep();
            documents = platform.awaitDocuments();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean hasFunction(String name) {
        return documents.stream().anyMatch(d -> d.contains("\"name\":\"" + name + "\"")
                && d.contains("\"origin\":\"AWS::Lambda::Function\""));
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void the_subscriber_and_the_target_continue_the_publishers_trace_under_the_calls_that_passed_it_on() {
        assertThat(published.status()).as(String.join("\n", OUTPUT)).isEqualTo(200);
        List<RecordedTrace> traces = TraceDocuments.assemble(documents);
        assertThat(traces).as(String.join("\n", OUTPUT)).hasSize(1);
        RecordedTrace trace = traces.get(0);

        RecordedEntity publish = call(trace, "Publish");
        assertThat(lambdaServiceSegment(trace, "Subscriber").parentId()).as(trace.toString()).isEqualTo(publish.id());
        RecordedEntity putEvents = call(trace, "PutEvents");
        assertThat(lambdaServiceSegment(trace, "Target").parentId()).as(trace.toString()).isEqualTo(putEvents.id());
    }

    @Test
    void the_runtime_client_reads_the_deliveries_as_the_events_librarys_types() {
        assertThat(platform.functionErrors()).as(String.join("\n", OUTPUT)).isEmpty();
        assertThat(hasFunction("Subscriber") && hasFunction("Target")).as(String.join("\n", OUTPUT)).isTrue();
    }

    @Test
    void every_document_is_schema_valid() {
        SegmentDocumentSchema.assertValid(documents);
        assertThat(platform.daemon().rejected()).isEmpty();
    }

    private static RecordedEntity call(RecordedTrace trace, String operation) {
        return trace.find(e -> operation.equals(e.aws().operation())).orElseThrow(() ->
                new AssertionError("no " + operation + " call in\n" + trace));
    }

    private static RecordedEntity lambdaServiceSegment(RecordedTrace trace, String function) {
        return trace.find(e -> e.name().equals(function) && "AWS::Lambda".equals(e.origin())).orElseThrow(() ->
                new AssertionError("no AWS::Lambda segment for " + function + " in\n" + trace));
    }
}
