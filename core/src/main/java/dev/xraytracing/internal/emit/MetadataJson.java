package dev.xraytracing.internal.emit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.xraytracing.internal.log.WarnOnce;

/**
 * Serializes metadata values that are not plain JSON types, the way the X-Ray SDK would (Jackson, snake_case, empty
 * values left out), except that a value that fails becomes a short placeholder instead of costing the whole document.
 */
final class MetadataJson {
    private MetadataJson() {
    }

    /** Built on first use only, so functions that record no objects never pay for Jackson's start-up. */
    private static final class Mapper {
        static final ObjectMapper INSTANCE = new ObjectMapper()
                .configure(SerializationFeature.FAIL_ON_EMPTY_BEANS, false)
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .setSerializationInclusion(JsonInclude.Include.NON_EMPTY);
    }

    /** {@code value} as Jackson's tree of it, the way the X-Ray SDK would write it; throws what Jackson throws. */
    static com.fasterxml.jackson.databind.JsonNode toTree(Object value) {
        return Mapper.INSTANCE.valueToTree(value);
    }

    static String toJson(Object value, WarnOnce warnings) {
        try {
            return Mapper.INSTANCE.writeValueAsString(value);
        } catch (Throwable failure) {
            String reason = MetadataTree.failureReason(failure);
            warnings.warn("metadata:" + value.getClass().getName(),
                    "a metadata value of type " + value.getClass().getName()
                            + " could not be serialized; recorded a placeholder instead (" + reason + ")");
            StringBuilder json = new StringBuilder();
            new JsonOut(json, warnings).string(placeholder(value, reason));
            return json.toString();
        }
    }

    static String placeholder(Object value, String reason) {
        return "<unserializable " + value.getClass().getName() + ": " + reason + ">";
    }
}
