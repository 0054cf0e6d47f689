package dev.xraytracing.examples.orders;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import dev.xraytracing.Tracing;
import dev.xraytracing.lambda.TracedBatch;
import dev.xraytracing.lambda.TracedRequestHandler;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;

/**
 * Subscribed to the orders topic: puts an {@code OrderFulfilled} event (source {@code orders}) on the orders bus for
 * each fulfilled order. A failure is rethrown, so that SNS retries the delivery.
 */
public class NotifyShipping extends TracedRequestHandler<SNSEvent, Void> {
    static final String SOURCE = "orders";
    static final String DETAIL_TYPE = "OrderFulfilled";

    private final EventBridgeClient events;
    private final String bus;

    public NotifyShipping() {
        this(Clients.eventBridge(), Clients.required("BUS_NAME"));
    }

    NotifyShipping(EventBridgeClient events, String bus) {
        this.events = events;
        this.bus = bus;
    }

    @Override
    protected Void handle(SNSEvent event, Context context) {
        TracedBatch.forEachRecord(event, record -> announce(Order.fromJson(record.getSNS().getMessage())));
        return null;
    }

    private void announce(Order order) {
        Tracing.annotate("OrderId", order.orderId());
        PutEventsRequestEntry fulfilled = PutEventsRequestEntry.builder()
                .eventBusName(bus)
                .source(SOURCE)
                .detailType(DETAIL_TYPE)
                .detail(order.toJson())
                .build();
        PutEventsResponse response = events.putEvents(put -> put.entries(fulfilled));
        if (response.failedEntryCount() > 0) {
            throw new IllegalStateException("the bus refused order " + order.orderId() + ": "
                    + response.entries().get(0).errorMessage());
        }
    }
}
