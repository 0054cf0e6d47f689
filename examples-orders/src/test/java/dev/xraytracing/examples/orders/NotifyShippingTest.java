package dev.xraytracing.examples.orders;

import static dev.xraytracing.lambda.testing.BatchEvents.snsEvent;
import static dev.xraytracing.testing.TracingAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import dev.xraytracing.lambda.testing.Invocation;
import dev.xraytracing.lambda.testing.LambdaInvoker;
import org.junit.jupiter.api.Test;

class NotifyShippingTest {
    private final Order order = new Order("o-1", "alice", "book", 1);

    @Test
    void aFulfilledOrderIsPutOnTheBusAsAnOrderFulfilledEvent() {
        RecordingClients.Bus bus = new RecordingClients.Bus();

        Invocation<Void> invocation = LambdaInvoker.of(new NotifyShipping(bus, "orders"))
                .invoke(snsEvent("order-events", "n1", order.toJson()));

        assertThat(invocation.threw()).isFalse();
        assertThat(bus.entries).singleElement().satisfies(entry -> {
            assertThat(entry.eventBusName()).isEqualTo("orders");
            assertThat(entry.source()).isEqualTo("orders");
            assertThat(entry.detailType()).isEqualTo("OrderFulfilled");
            assertThat(Order.fromJson(entry.detail())).isEqualTo(order);
        });
        assertThat(invocation.trace()).record("n1").isOk().hasAnnotation("EventSource", "aws:sns")
                .hasAnnotation("OrderId", "o-1");
    }

    @Test
    void anEventTheBusRefusesFailsTheInvocationSoThatSnsRetriesIt() {
        RecordingClients.Bus bus = new RecordingClients.Bus("throttled");

        Invocation<Void> invocation = LambdaInvoker.of(new NotifyShipping(bus, "orders"))
                .invoke(snsEvent("order-events", "n1", order.toJson()));

        assertThat(invocation.thrown()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the bus refused order o-1: throttled");
        assertThat(invocation.trace()).record("n1").isFault();
    }
}
