package dev.xraytracing.trace;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code aws} object of an entity: for an AWS SDK call its operation, region, request id, retries and resource
 * fields ({@code table_name}, {@code queue_url}, ...); for a Lambda function's segment its request id and so on.
 * Empty when the entity has none.
 */
public final class Aws {
    private final Map<String, Object> fields;

    Aws(JsonNode aws) {
        this.fields = JsonValues.toMap(aws);
    }

    /** Every field, as plain Java values (see {@link RecordedEntity#metadata()}). */
    public Map<String, Object> fields() {
        return fields;
    }

    public Optional<Object> field(String name) {
        return Optional.ofNullable(fields.get(name));
    }

    /** The field's text (numbers and booleans as written), or null when absent. */
    public String text(String name) {
        Object value = fields.get(name);
        return value == null ? null : String.valueOf(value);
    }

    public boolean has(String name) {
        return fields.containsKey(name);
    }

    public boolean isEmpty() {
        return fields.isEmpty();
    }

    /** {@code operation}: the SDK operation called, {@code Invoke} say; null when absent. */
    public String operation() {
        return text("operation");
    }

    public String region() {
        return text("region");
    }

    public String requestId() {
        return text("request_id");
    }

    public String accountId() {
        return text("account_id");
    }

    /** {@code retries}: how many times the SDK retried the call; 0 when absent. */
    public int retries() {
        return fields.get("retries") instanceof Number retries ? retries.intValue() : 0;
    }

    @Override
    public String toString() {
        return fields.toString();
    }
}
