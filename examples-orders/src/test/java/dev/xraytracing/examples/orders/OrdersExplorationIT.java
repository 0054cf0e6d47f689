package dev.xraytracing.examples.orders;

import static dev.xraytracing.local.ExplorationAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.xraytracing.local.Exploration;
import dev.xraytracing.local.ExplorationEntry;
import dev.xraytracing.local.ExplorationFinding;
import dev.xraytracing.local.Explorer;
import dev.xraytracing.local.LocalPlatform;
import dev.xraytracing.local.app.RuntimeLoop;
import dev.xraytracing.local.template.TemplateSetup;
import dev.xraytracing.testing.SegmentDocumentSchema;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The event-driven app explored as it is deployed (the zips, under the runtime interface client), with a
 * steady-state hypothesis that holds the API to 2xx and lets no order reach the dead-letter queue. The search is
 * narrowed to the receipt's S3 put in FulfilOrder and the queueing in PlaceOrder, so that it fits in a few minutes;
 * what it finds is what the code says: FulfilOrder catches nothing, so a put that fails on every attempt fails the
 * record, the queue delivers it again, and after {@code maxReceiveCount} (2) it is a dead letter; PlaceOrder saves the
 * order and then sends it, so a failed send answers 502 with the order already in the table.
 */
@EnabledOnOs(value = OS.LINUX, disabledReason = "the runtime interface client ships its native library for Linux only")
class OrdersExplorationIT {
    static final String SETTINGS = """
            {"hypothesis": {"status": "2xx", "deadLetterQueuesEmpty": ["OrdersDlq"]},
             "baselineRequests": 2,
             "only": ["FulfilOrder sdk:S3.PutObject", "PlaceOrder sdk:SQS.SendMessage exception"],
             "skip": ["timeout", "5xx"]}""";
    static final List<String> output = new CopyOnWriteArrayList<>();
    static Exploration exploration;

    @BeforeAll
    static void explore() {
        TemplateSetup setup = OrdersAppIT.setupFromZip();
        try (LocalPlatform probe = LocalPlatform.builder().template(setup).output(output::add).start()) {
            assumeTrue(probe.serviceEndpoint("AWS_ENDPOINT_URL_DYNAMODB").isPresent(),
                    () -> "no DynamoDB engine here: " + String.join("\n", output));
        }
        try {
            exploration = Explorer.of(setup.functions(), () -> LocalPlatform.builder().template(setup)
                            .runtimeLoop(RuntimeLoop.INTERFACE_CLIENT).output(output::add))
                    .entry(ExplorationEntry.apiRequest("POST", "/orders", OrdersAppIT.GOOD_ORDERS.get(0)))
                    .settings(SETTINGS)
                    .budget(6)
                    .title("examples-orders/template.yaml")
                    .output(output::add)
                    .explore();
        } catch (RuntimeException e) {
            throw new AssertionError("the exploration did not run; what it said:\n" + String.join("\n", output), e);
        }
        System.out.println(exploration.text());
    }

    @Test
    void theHypothesisWatchesTheDeadLetterQueueAndTheRulesFollowTheOrderAcrossTheQueue() {
        assertThat(exploration.hypothesis()).isEqualTo("2xx within 20000 ms, no new dead letter in OrdersDlq");
        assertThat(exploration.scopedToTrace()).isTrue();
        assertThat(exploration.points()).contains("PlaceOrder sdk:DynamoDB.PutItem", "PlaceOrder sdk:SQS.SendMessage",
                "FulfilOrder sdk:S3.PutObject", "FulfilOrder sdk:SNS.Publish",
                "NotifyShipping sdk:EventBridge.PutEvents");
    }

    @Test
    void aReceiptPutThatFailsOnEveryAttemptSendsTheOrderToTheDeadLetterQueueThoughTheApiAnswered201() {
        assertThat(exploration).fails("FulfilOrder sdk:S3.PutObject exception")
                .fails("FulfilOrder sdk:S3.PutObject throttle");
        ExplorationFinding exception = exploration.finding("FulfilOrder sdk:S3.PutObject exception").orElseThrow();
        assertThat(exception.status()).isEqualTo(201);
        assertThat(exception.why()).isEqualTo("1 message reached the dead-letter queue OrdersDlq");
        assertThat(exception.surfacedAt()).contains("FulfilOrder");
    }

    @Test
    void aSlowReceiptPutIsTolerated() {
        assertThat(exploration).tolerates("FulfilOrder sdk:S3.PutObject slow");
    }

    @Test
    void aFailedSendAfterTheTableWriteAnswers502() {
        assertThat(exploration).fails("PlaceOrder sdk:SQS.SendMessage exception");
        ExplorationFinding send = exploration.finding("PlaceOrder sdk:SQS.SendMessage exception").orElseThrow();
        assertThat(send.status()).isEqualTo(502);
        assertThat(send.why()).isEqualTo("answered 502, not 2xx");
    }

    @Test
    void aMessageSentStraightToTheQueueIsAnEntryTooAndItsRulesReachTheConsumerThroughTheLink() {
        TemplateSetup setup = OrdersAppIT.setupFromZip();
        Exploration fromQueue = Explorer.of(setup.functions(), () -> LocalPlatform.builder().template(setup)
                        .runtimeLoop(RuntimeLoop.INTERFACE_CLIENT).output(output::add))
                .entry(ExplorationEntry.sendMessage("OrdersQueue", "{\"orderId\":\"o-1\",\"customer\":\"alice\","
                        + "\"item\":\"book\",\"quantity\":1}"))
                .settings("{\"hypothesis\": {\"deadLetterQueuesEmpty\": true}, \"baselineRequests\": 1,"
                        + " \"only\": [\"FulfilOrder sdk:S3.PutObject exception\"]}")
                .output(output::add)
                .explore();

        assertThat(fromQueue.scopedToTrace()).as("the consumer's batch links to the message's trace").isTrue();
        assertThat(fromQueue).fails("FulfilOrder sdk:S3.PutObject exception");
        ExplorationFinding finding = fromQueue.finding("FulfilOrder sdk:S3.PutObject exception").orElseThrow();
        assertThat(finding.status()).as("SQS took the message").isEqualTo(200);
        assertThat(finding.why()).isEqualTo("1 message reached the dead-letter queue OrdersDlq");
    }

    @Test
    void theSearchStayedInItsBudgetAndEveryDocumentIsValid() {
        assertThat(exploration.singleFaults()).hasSize(4);
        assertThat(exploration.findings()).hasSizeLessThanOrEqualTo(6);
        SegmentDocumentSchema.assertValid(exploration.documents());
    }
}
