package dev.xraytracing.local.internal.services.sqs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.event.ruler.Machine;

/**
 * An SQS event source mapping's {@code FilterCriteria}, applied as the Lambda Developer Guide's "Properly filtering
 * Amazon SQS messages" says: a message is kept when any filter matches its record, with EventBridge's pattern rules
 * (event-ruler, as the EventBridge service here). Before matching, the format of the message's {@code body} is compared
 * with the format of the filter's {@code body}: a JSON body meets a JSON pattern (matched on the parsed body), a plain
 * string meets a plain-string pattern, and a mismatch does not match; a filter without {@code body} matches the
 * record's other fields only.
 */
final class SqsFilter {
    /** No filter: every message is kept. */
    static final SqsFilter NONE = new SqsFilter(List.of());

    /** Strict: a body with anything after its first JSON value is a plain string, not JSON. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** What a filter's pattern says of {@code body}. */
    private enum BodyFormat {
        /** The pattern does not name {@code body}. */
        ANY,
        /** An object of fields: the body must be JSON. */
        JSON,
        /** Rules on the whole body ({@code ["x"]}, {@code [{"prefix": "x"}]}): the body must be a plain string. */
        PLAIN
    }

    private record Filter(Machine machine, BodyFormat body) {
    }

    private final List<Filter> filters;

    private SqsFilter(List<Filter> filters) {
        this.filters = filters;
    }

    /**
     * The filter of {@code patterns} (each an event pattern as JSON text, checked when the template was read).
     *
     * @throws IllegalArgumentException when a pattern is not one
     */
    static SqsFilter of(List<String> patterns) {
        if (patterns.isEmpty()) {
            return NONE;
        }
        List<Filter> filters = new ArrayList<>();
        for (String pattern : patterns) {
            try {
                Machine machine = new Machine();
                machine.addRule("filter", pattern);
                JsonNode body = JSON.readTree(pattern).path("body");
                filters.add(new Filter(machine, body.isObject() ? BodyFormat.JSON
                        : body.isMissingNode() ? BodyFormat.ANY : BodyFormat.PLAIN));
            } catch (Exception e) {
                throw new IllegalArgumentException("not an event pattern: " + pattern + " (" + e.getMessage() + ")", e);
            }
        }
        return new SqsFilter(List.copyOf(filters));
    }

    boolean isEmpty() {
        return filters.isEmpty();
    }

    /** Whether Lambda would send {@code message} to the function; false means it deletes the message. */
    boolean keeps(Message message, String queueArn, String region) {
        if (filters.isEmpty()) {
            return true;
        }
        ObjectNode record = SqsEvent.record(message, queueArn, region);
        JsonNode parsedBody = parsed(message.body());
        // the record with its body parsed, for the filters whose body is JSON; none when the body is a plain string
        ObjectNode withJsonBody = parsedBody == null ? null : record.deepCopy().set("body", parsedBody);
        for (Filter filter : filters) {
            if (filter.body() == BodyFormat.JSON && parsedBody == null
                    || filter.body() == BodyFormat.PLAIN && parsedBody != null) {
                continue; // the formats differ: Lambda drops the message for this filter
            }
            ObjectNode matched = filter.body() == BodyFormat.JSON ? withJsonBody : record;
            if (!filter.machine().rulesForJSONEvent(matched).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** The body as JSON, or null when it is a plain string. */
    private static JsonNode parsed(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
