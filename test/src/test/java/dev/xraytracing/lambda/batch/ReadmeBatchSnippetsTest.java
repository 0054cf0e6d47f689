package dev.xraytracing.lambda.batch;

import static dev.xraytracing.testing.TracingAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.xraytracing.Tracing;
import dev.xraytracing.lambda.TracedBatch;
import dev.xraytracing.lambda.testing.BatchEvents;
import dev.xraytracing.lambda.testing.Invocation;
import dev.xraytracing.lambda.testing.LambdaInvoker;
import org.junit.jupiter.api.Test;

/** The README's "Queues, topics and buses" snippets, compiled and run as written there. Keep the two in step. */
class ReadmeBatchSnippetsTest {

    public static class OrderConsumer implements RequestHandler<SQSEvent, SQSBatchResponse> {
        @Override
        public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
            return TracedBatch.forEachRecord(event, message -> {
                if (message.getBody().isBlank()) {
                    throw new IllegalArgumentException("empty order");     // fails this message only
                }
                Tracing.run("SaveOrder", s -> s.annotate("Order", message.getBody()));
            });
        }
    }

    @Test
    void testingAConsumer() {
        String producer = BatchEvents.newTraceId();
        SQSEvent event = BatchEvents.sqsEvent(
                BatchEvents.sqsMessage("orders", "m1", "o-1", BatchEvents.producerHeader(producer, true)),
                BatchEvents.sqsMessage("orders", "m2", " ", BatchEvents.producerHeader(producer, true)));

        Invocation<SQSBatchResponse> invocation = LambdaInvoker.of(new OrderConsumer()).invoke(event);

        assertThat(BatchEvents.failedIds(invocation.output())).containsExactly("m2");
        assertThat(invocation.trace()).record("m1").hasLinkTo(producer)
                .hasAnnotation("ProducerTraceId", producer).child("SaveOrder");
        assertThat(invocation.trace()).record("m2").isFault().hasAnnotation("RecordFailed", true);
    }
}
