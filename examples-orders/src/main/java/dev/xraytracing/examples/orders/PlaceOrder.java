package dev.xraytracing.examples.orders;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.xraytracing.Tracing;
import dev.xraytracing.lambda.TracedRequestHandler;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * {@code POST /orders}: checks the body, saves the order in the table (status {@code PLACED}) and sends it to the
 * queue for fulfilment; answers 201 with the order, or 400 saying what is wrong with the body. The SDK calls are
 * traced by the library's interceptor, and the send carries this trace to the queue's consumer.
 */
public class PlaceOrder extends TracedRequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
    static final String PLACED = "PLACED";

    private final DynamoDbClient dynamoDb;
    private final SqsClient sqs;
    private final String table;
    private final String queueUrl;

    public PlaceOrder() {
        this(Clients.dynamoDb(), Clients.sqs(), Clients.required("TABLE_NAME"), Clients.required("QUEUE_URL"));
    }

    PlaceOrder(DynamoDbClient dynamoDb, SqsClient sqs, String table, String queueUrl) {
        this.dynamoDb = dynamoDb;
        this.sqs = sqs;
        this.table = table;
        this.queueUrl = queueUrl;
    }

    @Override
    protected APIGatewayProxyResponseEvent handle(APIGatewayProxyRequestEvent request, Context context) {
        Order order;
        try {
            order = Order.place(request.getBody());
        } catch (Order.InvalidOrderException invalid) {
            Tracing.annotate("InvalidOrder", true);
            return json(400, "{\"message\":\"" + invalid.getMessage().replace("\"", "'") + "\"}");
        }
        Tracing.annotate("OrderId", order.orderId());
        dynamoDb.putItem(put -> put.tableName(table).item(Map.of(
                "orderId", AttributeValue.fromS(order.orderId()),
                "customer", AttributeValue.fromS(order.customer()),
                "item", AttributeValue.fromS(order.item()),
                "quantity", AttributeValue.fromN(Integer.toString(order.quantity())),
                "status", AttributeValue.fromS(PLACED))));
        sqs.sendMessage(send -> send.queueUrl(queueUrl).messageBody(order.toJson()));
        return json(201, order.toJson());
    }

    private static APIGatewayProxyResponseEvent json(int status, String body) {
        return new APIGatewayProxyResponseEvent()
                .withStatusCode(status)
                .withHeaders(Map.of("Content-Type", "application/json"))
                .withBody(body);
    }
}
