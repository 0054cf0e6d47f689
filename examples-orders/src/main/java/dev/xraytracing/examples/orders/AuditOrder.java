package dev.xraytracing.examples.orders;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.xraytracing.Tracing;
import dev.xraytracing.lambda.TracedBatch;
import dev.xraytracing.lambda.TracedRequestHandler;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The target of the orders bus's {@code OrderFulfilled} rule: records in the table that the order was fulfilled, and
 * when. Only an order the API placed is updated (the condition), so a stray event fails instead of creating an item.
 */
public class AuditOrder extends TracedRequestHandler<ScheduledEvent, Void> {
    static final String FULFILLED = "FULFILLED";

    private final DynamoDbClient dynamoDb;
    private final String table;

    public AuditOrder() {
        this(Clients.dynamoDb(), Clients.required("TABLE_NAME"));
    }

    AuditOrder(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    protected Void handle(ScheduledEvent event, Context context) {
        TracedBatch.forEachRecord(event, fulfilled -> markFulfilled(String.valueOf(fulfilled.getDetail().get("orderId"))));
        return null;
    }

    private void markFulfilled(String orderId) {
        Tracing.annotate("OrderId", orderId);
        dynamoDb.updateItem(update -> update.tableName(table)
                .key(Map.of("orderId", AttributeValue.fromS(orderId)))
                .conditionExpression("attribute_exists(orderId)")
                .updateExpression("SET #status = :status, fulfilledAt = :at")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(
                        ":status", AttributeValue.fromS(FULFILLED),
                        ":at", AttributeValue.fromS(Instant.now().toString()))));
    }
}
