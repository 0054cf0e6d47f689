package dev.xraytracing.local.report;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.xraytracing.Tracing;
import dev.xraytracing.lambda.TracedBatch;
import dev.xraytracing.lambda.testing.BatchEvents;
import dev.xraytracing.lambda.testing.Invocation;
import dev.xraytracing.lambda.testing.LambdaInvoker;
import dev.xraytracing.trace.RecordedTrace;
import java.util.ArrayList;
import java.util.List;

/**
 * One request across three linked traces, recorded by TracedBatch under the test kit's invoker (no engines): the
 * {@link OrdersTrace} API request sends to queue {@code orders}; {@code orders-consumer} takes two of its messages
 * (sent 1.5 s and 0.25 s before), and for the first sends to queue {@code receipts}; {@code receipts-consumer} takes
 * that message. Each consumer's documents get the two segments Lambda itself would record around them
 * ({@code AWS::Lambda} and {@code AWS::Lambda::Function}), as the local platform does.
 */
final class LinkedRun {
    static final String PRODUCER = OrdersTrace.TRACE_ID;
    static final String PRODUCER_CALL = "a000000000000006";
    private static final ObjectMapper JSON = new ObjectMapper();

    final String ordersConsumer = BatchEvents.newTraceId();
    final String receiptsConsumer = BatchEvents.newTraceId();
    final List<String> documents = new ArrayList<>(OrdersTrace.documents());
    private final List<String> receiptCalls = new ArrayList<>();

    LinkedRun() {
        long now = System.currentTimeMillis();
        consume(ordersConsumer, "orders-consumer", "f100000000000001", (event, context) -> TracedBatch.forEachRecord(event,
                message -> {
                    if (message.getMessageId().equals("m1")) {
                        sendReceipt();
                    }
                }), BatchEvents.sqsEvent(
                        message("orders", "m1", PRODUCER, PRODUCER_CALL, now - 1_500),
                        message("orders", "m2", PRODUCER, PRODUCER_CALL, now - 250)));
        consume(receiptsConsumer, "receipts-consumer", "f200000000000001",
                (event, context) -> TracedBatch.forEachRecord(event, message -> { }),
                BatchEvents.sqsEvent(message("receipts", "r1", ordersConsumer, receiptCalls.get(0), now - 40)));
    }

    /** The SQS call a consumer's record makes, as the SDK interceptor would record it: its id is the next Parent. */
    private void sendReceipt() {
        Tracing.run("SQS", s -> {
            s.aws();
            s.xraySubsegment().ifPresent(call -> {
                call.putAws("operation", "SendMessage");
                call.putAws("queue_url", "https://sqs.us-east-1.amazonaws.com/123456789012/receipts");
                receiptCalls.add(call.getId());
            });
        });
    }

    private static SQSEvent.SQSMessage message(String queue, String id, String trace, String parent, long sentAt) {
        SQSEvent.SQSMessage message = BatchEvents.sqsMessage(queue, id, "{}",
                "Root=" + trace + ";Parent=" + parent + ";Sampled=1");
        message.getAttributes().put("SentTimestamp", String.valueOf(sentAt));
        return message;
    }

    private void consume(String trace, String function, String functionSegment,
                         RequestHandler<SQSEvent, SQSBatchResponse> handler, SQSEvent event) {
        Invocation<SQSBatchResponse> invocation = LambdaInvoker.of(handler)
                .withTraceHeader("Root=" + trace + ";Parent=" + functionSegment + ";Sampled=1").invoke(event);
        RecordedTrace recorded = invocation.trace();
        double start = recorded.startTime() - 0.002;
        double end = recorded.endTime() + 0.002;
        String service = functionSegment.replace('f', 'e');
        documents.add(segment(trace, service, null, function, "AWS::Lambda", start - 0.001, end + 0.001));
        documents.add(segment(trace, functionSegment, service, function, "AWS::Lambda::Function", start, end));
        documents.addAll(invocation.documents());
    }

    private static String segment(String trace, String id, String parent, String name, String origin, double start,
                                  double end) {
        ObjectNode segment = JSON.createObjectNode().put("name", name).put("id", id).put("trace_id", trace)
                .put("start_time", start).put("end_time", end).put("origin", origin);
        if (parent != null) {
            segment.put("parent_id", parent);
        }
        return segment.toString();
    }
}
