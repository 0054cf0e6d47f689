package dev.xraytracing.examples.orders;

import static dev.xraytracing.testing.TracingAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.xraytracing.lambda.testing.Invocation;
import dev.xraytracing.lambda.testing.LambdaInvoker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class PlaceOrderTest {
    static final String QUEUE_URL = "https://sqs.us-east-1.amazonaws.com/123456789012/orders";

    private final RecordingClients.Table table = new RecordingClients.Table();
    private final RecordingClients.Queue queue = new RecordingClients.Queue();
    private final LambdaInvoker<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> lambda =
            LambdaInvoker.of(new PlaceOrder(table, queue, "orders-table", QUEUE_URL));

    private Invocation<APIGatewayProxyResponseEvent> post(String body) {
        return lambda.invoke(new APIGatewayProxyRequestEvent().withHttpMethod("POST").withPath("/orders")
                .withBody(body));
    }

    @Test
    void aValidOrderIsSavedAsPlacedQueuedAndAnswered201WithItsNewId() {
        Invocation<APIGatewayProxyResponseEvent> invocation =
                post("{\"customer\":\"alice\",\"item\":\"book\",\"quantity\":2}");

        assertThat(invocation.output().getStatusCode()).isEqualTo(201);
        Order answered = Order.fromJson(invocation.output().getBody());
        assertThat(answered).isEqualTo(new Order(answered.orderId(), "alice", "book", 2));
        assertThat(table.puts).singleElement().satisfies(put -> {
            assertThat(put.tableName()).isEqualTo("orders-table");
            assertThat(put.item()).containsEntry("orderId", AttributeValue.fromS(answered.orderId()))
                    .containsEntry("status", AttributeValue.fromS(PlaceOrder.PLACED))
                    .containsEntry("quantity", AttributeValue.fromN("2"));
        });
        assertThat(queue.sent).singleElement().satisfies(send -> {
            assertThat(send.queueUrl()).isEqualTo(QUEUE_URL);
            assertThat(Order.fromJson(send.messageBody())).isEqualTo(answered);
        });
        assertThat(invocation.trace()).subsegment("## handleRequest").isOk()
                .hasAnnotation("OrderId", answered.orderId());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not json", "{\"customer\":\"alice\",\"quantity\":1}",
            "{\"customer\":\" \",\"item\":\"book\",\"quantity\":1}",
            "{\"customer\":\"alice\",\"item\":\"book\",\"quantity\":0}",
            "{\"customer\":\"alice\",\"item\":\"book\",\"quantity\":101}"})
    void aBodyThatIsNoValidOrderIsAnswered400AndNothingIsSavedOrSent(String body) {
        Invocation<APIGatewayProxyResponseEvent> invocation = post(body);

        assertThat(invocation.output().getStatusCode()).isEqualTo(400);
        assertThat(invocation.output().getBody()).startsWith("{\"message\":\"");
        assertThat(table.puts).isEmpty();
        assertThat(queue.sent).isEmpty();
        // A 4xx answer is the client's error, as X-Ray counts it: the error flag, not a fault.
        assertThat(invocation.trace()).subsegment("## handleRequest").isError().isNotFault()
                .hasAnnotation("InvalidOrder", true);
    }
}
