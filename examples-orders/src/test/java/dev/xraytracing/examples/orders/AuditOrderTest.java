package dev.xraytracing.examples.orders;

import static dev.xraytracing.lambda.testing.BatchEvents.eventBridgeEvent;
import static dev.xraytracing.testing.TracingAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.xraytracing.lambda.testing.Invocation;
import dev.xraytracing.lambda.testing.LambdaInvoker;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class AuditOrderTest {
    @Test
    void anOrderFulfilledEventMarksThePlacedOrderFulfilled() {
        RecordingClients.Table table = new RecordingClients.Table();
        ScheduledEvent event = eventBridgeEvent("orders", "OrderFulfilled",
                Map.of("orderId", "o-1", "customer", "alice", "item", "book", "quantity", 1));

        Invocation<Void> invocation = LambdaInvoker.of(new AuditOrder(table, "orders-table")).invoke(event);

        assertThat(invocation.threw()).isFalse();
        assertThat(table.updates).singleElement().satisfies(update -> {
            assertThat(update.tableName()).isEqualTo("orders-table");
            assertThat(update.key()).containsExactlyEntriesOf(Map.of("orderId", AttributeValue.fromS("o-1")));
            assertThat(update.conditionExpression()).isEqualTo("attribute_exists(orderId)");
            assertThat(update.expressionAttributeValues())
                    .containsEntry(":status", AttributeValue.fromS(AuditOrder.FULFILLED));
        });
        assertThat(invocation.trace()).record(event.getId()).isOk().hasAnnotation("OrderId", "o-1");
    }
}
