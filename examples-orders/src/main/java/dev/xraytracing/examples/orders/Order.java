package dev.xraytracing.examples.orders;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.UUID;

/**
 * An order as it travels: in the API's request body (without an id), then on the queue and the topic (with the id the
 * API gave it).
 */
record Order(String orderId, String customer, String item, int quantity) {
    static final int MAX_QUANTITY = 100;
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** A new order from the API's request body, with a new id; a body that is no valid order is refused. */
    static Order place(String requestBody) {
        Order requested = read(requestBody);
        if (blank(requested.customer()) || blank(requested.item())) {
            throw new InvalidOrderException("customer and item are required");
        }
        if (requested.quantity() < 1 || requested.quantity() > MAX_QUANTITY) {
            throw new InvalidOrderException("quantity must be between 1 and " + MAX_QUANTITY);
        }
        return new Order(UUID.randomUUID().toString(), requested.customer(), requested.item(), requested.quantity());
    }

    /** An order the API placed, from a message body. */
    static Order fromJson(String json) {
        Order order = read(json);
        if (blank(order.orderId())) {
            throw new InvalidOrderException("the message carries no orderId");
        }
        return order;
    }

    String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write order " + orderId, e);
        }
    }

    private static Order read(String json) {
        if (blank(json)) {
            throw new InvalidOrderException("the body is empty");
        }
        try {
            return JSON.readValue(json, Order.class);
        } catch (JsonProcessingException e) {
            throw new InvalidOrderException("the body is no order: " + e.getOriginalMessage());
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** The body cannot be an order; the message says why, for the caller. */
    static final class InvalidOrderException extends IllegalArgumentException {
        InvalidOrderException(String message) {
            super(message);
        }
    }
}
