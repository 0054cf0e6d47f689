package dev.xraytracing.local.internal.explore;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.xraytracing.local.app.Fault;
import java.util.Iterator;
import java.util.Map;

/**
 * One failure at one fault point: a fault rule for the function's own code (its JSON fields, without id or match), or,
 * for an invocation, the fault the platform's Lambda service injects ({@code --fault}).
 *
 * @param failure the failure's short name ({@code throttle}, {@code 5xx}, {@code exception}, {@code slow},
 *                {@code timeout}, {@code function-error})
 * @param rule    the rule's fields, or null for a platform fault
 * @param platformFault the Lambda service's fault, or null for a rule
 */
public record Injection(FaultPoint point, String failure, ObjectNode rule, Fault platformFault)
        implements Comparable<Injection> {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Injection ofRule(FaultPoint point, String failure, Map<String, Object> fields) {
        ObjectNode rule = JSON.createObjectNode().put("target", point.target());
        fields.forEach((key, value) -> rule.set(key, JSON.valueToTree(value)));
        return new Injection(point, failure, rule, null);
    }

    static Injection ofPlatform(FaultPoint point, String failure, Fault fault) {
        return new Injection(point, failure, null, fault);
    }

    /** {@code MyFirstLambda sdk:Lambda.Invoke throttle}: how reports and assertions name it. */
    public String label() {
        return point.label() + " " + failure;
    }

    /** Whether it costs the function's whole timeout to run. */
    boolean waitsForTimeout() {
        return "timeout".equals(failure);
    }

    /** The rule as the faults module reads it, with {@code id}, and scoped to {@code traceRoot} unless null. */
    public ObjectNode ruleJson(String id, String traceRoot) {
        ObjectNode json = JSON.createObjectNode().put("id", id);
        json.setAll(rule);
        if (traceRoot != null) {
            json.putObject("match").put("traceId", traceRoot);
        }
        return json;
    }

    /**
     * The rule in the faults module's compact form, one line ({@code sdk:Lambda.Invoke=status:429,errorCode=...}), or
     * for a platform fault the {@code --fault} option that replays it.
     */
    public String replay() {
        if (platformFault != null) {
            return "--fault " + failure + " --fault-on " + point.function();
        }
        String mode = rule.path("mode").asText();
        StringBuilder compact = new StringBuilder(point.target()).append('=').append(mode);
        switch (mode) {
            case "latency" -> compact.append(':').append(rule.path("latencyMs").asLong()).append("ms");
            case "status" -> compact.append(':').append(rule.path("status").asInt());
            case "exception" -> {
                if (rule.has("status")) {
                    compact.append(':').append(rule.path("status").asInt());
                } else if (rule.has("type")) {
                    compact.append(':').append(rule.path("type").asText());
                }
            }
            default -> { }
        }
        for (Iterator<String> names = rule.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (name.equals("errorCode") || name.equals("message")) {
                compact.append(',').append(name).append('=').append(rule.path(name).asText());
            }
        }
        return compact.toString();
    }

    @Override
    public int compareTo(Injection other) {
        int byPoint = point.compareTo(other.point);
        return byPoint != 0 ? byPoint : failure.compareTo(other.failure);
    }

    @Override
    public String toString() {
        return label();
    }
}
