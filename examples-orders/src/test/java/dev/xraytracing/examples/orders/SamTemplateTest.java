package dev.xraytracing.examples.orders;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xraytracing.local.template.FunctionEvent;
import dev.xraytracing.local.template.SamTemplate;
import dev.xraytracing.local.template.TemplateFunction;
import dev.xraytracing.local.template.TemplateResource;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The template wires the app as AWS needs it: each event source to its function, tracing on every hop. */
class SamTemplateTest {
    static SamTemplate template;

    @BeforeAll
    static void read() {
        template = SamTemplate.read(Path.of("template.yaml"), "us-east-1");
    }

    private static TemplateFunction function(String name) {
        return template.function(name).orElseThrow();
    }

    private static TemplateResource.Queue queue(String logicalId) {
        return (TemplateResource.Queue) template.resource(logicalId).orElseThrow();
    }

    @Test
    void theTemplateReadsWithoutWarningsAndEveryFunctionIsActivelyTracedOnAJavaRuntime() {
        assertThat(template.warnings()).isEmpty();
        assertThat(template.functions()).extracting(TemplateFunction::name)
                .containsExactly("PlaceOrder", "FulfilOrder", "NotifyShipping", "AuditOrder");
        assertThat(template.functions()).allSatisfy(f -> {
            assertThat(f.activeTracing()).as(f.name()).isTrue();
            assertThat(f.runtime()).isIn("java17", "java21");
            assertThat(f.handler()).isEqualTo("dev.xraytracing.examples.orders." + f.name() + "::handleRequest");
        });
        assertThat(template.apis()).singleElement().satisfies(api -> assertThat(api.tracingEnabled()).isTrue());
    }

    @Test
    void aFailedOrderIsRetriedOnceThenMovedToTheDeadLetterQueue() {
        TemplateResource.Queue orders = queue("OrdersQueue");
        assertThat(orders.redrivePolicy()).hasValueSatisfying(redrive -> {
            assertThat(redrive.maxReceiveCount()).isEqualTo(2);
            assertThat(redrive.deadLetterTargetArn()).isEqualTo(queue("OrdersDlq").arn());
        });
    }

    @Test
    void theConsumerReportsBatchItemFailuresAndFitsInTheQueuesVisibilityTimeout() {
        TemplateFunction consumer = function("FulfilOrder");
        assertThat(consumer.events()).singleElement().isInstanceOfSatisfying(FunctionEvent.Sqs.class, sqs -> {
            assertThat(sqs.queueArn()).isEqualTo(queue("OrdersQueue").arn());
            assertThat(sqs.reportBatchItemFailures()).isTrue();
            assertThat(sqs.batchSize()).isEqualTo(5);
        });
        // CloudFormation refuses an event source mapping whose queue hides a message for less than the function runs.
        assertThat(queue("OrdersQueue").visibilityTimeoutSeconds()).isGreaterThanOrEqualTo(consumer.timeoutSeconds());
    }

    @Test
    void theSubscriberAndTheRuleTargetListenWhereTheOthersSend() {
        TemplateResource.Topic topic = (TemplateResource.Topic) template.resource("OrderEvents").orElseThrow();
        assertThat(function("FulfilOrder").environment()).containsEntry("TOPIC_ARN", topic.arn());
        assertThat(function("NotifyShipping").events()).singleElement().isInstanceOfSatisfying(FunctionEvent.Sns.class,
                sns -> assertThat(sns.topicArn()).isEqualTo(topic.arn()));

        assertThat(function("NotifyShipping").environment()).containsEntry("BUS_NAME", "orders");
        assertThat(function("AuditOrder").events()).singleElement().isInstanceOfSatisfying(
                FunctionEvent.EventBridgeRule.class, rule -> {
                    assertThat(rule.eventBusName()).isEqualTo("orders");
                    assertThat(rule.pattern()).hasValueSatisfying(pattern -> assertThat(pattern)
                            .contains(NotifyShipping.SOURCE).contains(NotifyShipping.DETAIL_TYPE));
                });
    }
}
