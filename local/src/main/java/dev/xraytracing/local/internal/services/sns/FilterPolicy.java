package dev.xraytracing.local.internal.services.sns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Map;
import software.amazon.event.ruler.Machine;

/**
 * A subscription's filter policy, matched by AWS's event-ruler: SNS's policy language (exact values, {@code prefix},
 * {@code suffix}, {@code anything-but}, {@code numeric}, {@code exists}, {@code equals-ignore-case}, {@code cidr},
 * {@code $or}) is event-ruler's pattern language. With scope {@code MessageAttributes} (SNS's default) the policy is
 * matched against the attributes as one flat JSON object: a {@code String} attribute a string, a {@code Number} a
 * number, a {@code String.Array} its array (any element matches), and {@code Binary} attributes left out, as SNS does
 * not filter on them. With scope {@code MessageBody} it is matched against the message, which must be a JSON object.
 * An empty policy ({@code {}}) lets every message through.
 */
final class FilterPolicy {
    static final String ATTRIBUTES_SCOPE = "MessageAttributes";
    static final String BODY_SCOPE = "MessageBody";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String policy;
    private final boolean body;
    private final Machine machine;

    private FilterPolicy(String policy, boolean body, Machine machine) {
        this.policy = policy;
        this.body = body;
        this.machine = machine;
    }

    /** The policy; an invalid one is SNS's {@code InvalidParameter}, as {@code Subscribe} answers it. */
    static FilterPolicy of(String policy, String scope) {
        if (!scope.equals(ATTRIBUTES_SCOPE) && !scope.equals(BODY_SCOPE)) {
            throw SnsError.invalidParameter("Attributes Reason: FilterPolicyScope: Invalid value [" + scope
                    + "]. Please use either MessageBody or MessageAttributes");
        }
        try {
            JsonNode parsed = JSON.readTree(policy);
            if (parsed == null || !parsed.isObject()) {
                throw SnsError.invalidParameter("Filter policy: Filter policy must be a JSON object");
            }
            Machine machine = null;
            if (!parsed.isEmpty()) {
                machine = new Machine();
                machine.addRule("policy", policy);
            }
            return new FilterPolicy(policy, scope.equals(BODY_SCOPE), machine);
        } catch (IOException | IllegalArgumentException e) {
            throw SnsError.invalidParameter("Filter policy: " + e.getMessage());
        }
    }

    String policy() {
        return policy;
    }

    String scope() {
        return body ? BODY_SCOPE : ATTRIBUTES_SCOPE;
    }

    boolean matches(String message, Map<String, MessageAttribute> attributes) {
        if (machine == null) {
            return true;
        }
        JsonNode event;
        if (body) {
            try {
                event = JSON.readTree(message);
            } catch (IOException e) {
                return false;
            }
            if (event == null || !event.isObject()) {
                return false;
            }
        } else {
            event = attributesAsJson(attributes);
        }
        return !machine.rulesForJSONEvent(event).isEmpty();
    }

    private static ObjectNode attributesAsJson(Map<String, MessageAttribute> attributes) {
        ObjectNode object = JSON.createObjectNode();
        attributes.forEach((name, attribute) -> {
            if (attribute.binary()) {
                return;
            }
            if (attribute.number()) {
                try {
                    object.put(name, new BigDecimal(attribute.value().trim()));
                    return;
                } catch (NumberFormatException e) {
                    // matched as the text it is
                }
            } else if (attribute.stringArray()) {
                try {
                    JsonNode array = JSON.readTree(attribute.value());
                    if (array != null && array.isArray()) {
                        object.set(name, array);
                        return;
                    }
                } catch (IOException e) {
                    // matched as the text it is
                }
            }
            object.put(name, attribute.value());
        });
        return object;
    }
}
