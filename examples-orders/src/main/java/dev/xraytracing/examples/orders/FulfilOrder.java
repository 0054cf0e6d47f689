package dev.xraytracing.examples.orders;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.xraytracing.Tracing;
import dev.xraytracing.lambda.TracedBatch;
import dev.xraytracing.lambda.TracedRequestHandler;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The queue's consumer: for each order of the batch, in a subsegment of its own linked to the trace that placed it,
 * writes a receipt to the bucket and announces the order on the topic. An order that cannot be fulfilled fails alone:
 * {@link TracedBatch} reports it in the batch response, so the queue delivers it again, and after the redrive policy's
 * {@code maxReceiveCount} moves it to the dead-letter queue.
 */
public class FulfilOrder extends TracedRequestHandler<SQSEvent, SQSBatchResponse> {
    /** No warehouse stocks it: an order for it can never be fulfilled (the tests' poison message). */
    static final String UNSTOCKED_ITEM = "poison";

    private final S3Client s3;
    private final SnsClient sns;
    private final String bucket;
    private final String topicArn;

    public FulfilOrder() {
        this(Clients.s3(), Clients.sns(), Clients.required("RECEIPTS_BUCKET"), Clients.required("TOPIC_ARN"));
    }

    FulfilOrder(S3Client s3, SnsClient sns, String bucket, String topicArn) {
        this.s3 = s3;
        this.sns = sns;
        this.bucket = bucket;
        this.topicArn = topicArn;
    }

    @Override
    protected SQSBatchResponse handle(SQSEvent event, Context context) {
        return TracedBatch.forEachRecord(event, message -> fulfil(Order.fromJson(message.getBody())));
    }

    private void fulfil(Order order) {
        Tracing.annotate("OrderId", order.orderId());
        if (UNSTOCKED_ITEM.equals(order.item())) {
            throw new IllegalStateException("order " + order.orderId() + ": no warehouse stocks " + order.item());
        }
        s3.putObject(put -> put.bucket(bucket).key(receiptKey(order.orderId())).contentType("application/json"),
                RequestBody.fromString(order.toJson()));
        sns.publish(publish -> publish.topicArn(topicArn).message(order.toJson()));
    }

    static String receiptKey(String orderId) {
        return "receipts/" + orderId + ".json";
    }
}
