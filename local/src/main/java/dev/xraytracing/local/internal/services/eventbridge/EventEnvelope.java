package dev.xraytracing.local.internal.services.eventbridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * An event as EventBridge delivers it to targets and matches it against patterns: {@code version} "0", {@code id},
 * {@code detail-type}, {@code source}, {@code account}, {@code time} (to the second, UTC), {@code region},
 * {@code resources} and {@code detail}, in that order.
 */
public final class EventEnvelope {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private EventEnvelope() {
    }

    /** A new event with a fresh id. */
    public static ObjectNode of(String detailType, String source, String accountId, Instant time, String region,
                                List<String> resources, JsonNode detail) {
        ObjectNode event = JSON.createObjectNode()
                .put("version", "0")
                .put("id", UUID.randomUUID().toString())
                .put("detail-type", detailType)
                .put("source", source)
                .put("account", accountId)
                .put("time", TIME.format(time.truncatedTo(ChronoUnit.SECONDS)))
                .put("region", region);
        resources.forEach(event.putArray("resources")::add);
        event.set("detail", detail);
        return event;
    }

    /** The event EventBridge sends when a schedule fires: {@code Scheduled Event} from {@code aws.events}. */
    public static ObjectNode scheduled(String ruleArn, String accountId, String region, Instant time) {
        return of("Scheduled Event", "aws.events", accountId, time, region, List.of(ruleArn),
                JSON.createObjectNode());
    }
}
