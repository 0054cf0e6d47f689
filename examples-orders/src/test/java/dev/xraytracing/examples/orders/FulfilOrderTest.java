package dev.xraytracing.examples.orders;

import static dev.xraytracing.lambda.testing.BatchEvents.failedIds;
import static dev.xraytracing.lambda.testing.BatchEvents.newTraceId;
import static dev.xraytracing.lambda.testing.BatchEvents.producerHeader;
import static dev.xraytracing.lambda.testing.BatchEvents.sqsEvent;
import static dev.xraytracing.lambda.testing.BatchEvents.sqsMessage;
import static dev.xraytracing.testing.TracingAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.xraytracing.lambda.testing.Invocation;
import dev.xraytracing.lambda.testing.LambdaInvoker;
import org.junit.jupiter.api.Test;

class FulfilOrderTest {
    static final String TOPIC = "arn:aws:sns:us-east-1:123456789012:order-events";

    private final RecordingClients.Bucket bucket = new RecordingClients.Bucket();
    private final RecordingClients.Topic topic = new RecordingClients.Topic();
    private final LambdaInvoker<SQSEvent, SQSBatchResponse> lambda =
            LambdaInvoker.of(new FulfilOrder(bucket, topic, "receipts", TOPIC));

    private static SQSEvent.SQSMessage message(String messageId, Order order, String producerTrace) {
        return sqsMessage("orders-queue", messageId, order.toJson(), producerHeader(producerTrace, true));
    }

    @Test
    void eachOrderGetsAReceiptAndIsAnnouncedInASubsegmentLinkedToTheTraceThatPlacedIt() {
        String placedFirst = newTraceId();
        String placedSecond = newTraceId();
        Order book = new Order("o-1", "alice", "book", 1);
        Order pen = new Order("o-2", "bob", "pen", 3);

        Invocation<SQSBatchResponse> invocation = lambda.invoke(sqsEvent(
                message("m1", book, placedFirst), message("m2", pen, placedSecond)));

        assertThat(failedIds(invocation.output())).isEmpty();
        assertThat(bucket.objects).containsOnlyKeys("receipts/o-1.json", "receipts/o-2.json");
        assertThat(Order.fromJson(bucket.objects.get("receipts/o-2.json"))).isEqualTo(pen);
        assertThat(topic.published).extracting(publish -> Order.fromJson(publish.message()))
                .containsExactly(book, pen);
        assertThat(topic.published).allSatisfy(publish -> assertThat(publish.topicArn()).isEqualTo(TOPIC));
        assertThat(invocation.trace()).record("m1").isOk().hasLinkTo(placedFirst)
                .hasAnnotation("ProducerTraceId", placedFirst).hasAnnotation("OrderId", "o-1");
        assertThat(invocation.trace()).record("m2").isOk().hasLinkTo(placedSecond);
    }

    @Test
    void anOrderThatCannotBeFulfilledFailsAloneAndIsReportedForRedelivery() {
        String placed = newTraceId();
        Invocation<SQSBatchResponse> invocation = lambda.invoke(sqsEvent(
                message("m1", new Order("o-1", "alice", "book", 1), placed),
                message("poisoned", new Order("o-2", "mallory", FulfilOrder.UNSTOCKED_ITEM, 1), placed),
                message("m3", new Order("o-3", "carol", "lamp", 1), placed)));

        assertThat(invocation.threw()).isFalse();
        assertThat(failedIds(invocation.output())).containsExactly("poisoned");
        assertThat(bucket.objects).containsOnlyKeys("receipts/o-1.json", "receipts/o-3.json");
        assertThat(topic.published).hasSize(2);
        assertThat(invocation.trace()).record("poisoned").isFault().hasAnnotation("RecordFailed", true)
                .hasExceptionOfType("IllegalStateException").hasExceptionMessageContaining("no warehouse stocks");
        assertThat(invocation.trace()).record("m3").isOk();
    }

    @Test
    void aMessageThatIsNoOrderIsReportedAndTheBatchGoesOn() {
        Invocation<SQSBatchResponse> invocation = lambda.invoke(sqsEvent(
                sqsMessage("orders-queue", "garbled", "{not json", producerHeader(newTraceId(), true)),
                message("m2", new Order("o-2", "bob", "pen", 1), newTraceId())));

        assertThat(failedIds(invocation.output())).containsExactly("garbled");
        assertThat(bucket.objects).containsOnlyKeys("receipts/o-2.json");
    }
}
