package dev.xraytracing.local.internal.explore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.xraytracing.local.app.LocalRunException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The steady-state hypothesis: what "the request survived" means. The answer's status (a class such as {@code 2xx},
 * or one status), a latency bound, optionally a value at a path of the JSON body, and for asynchronous apps the
 * dead-letter queues that must stay empty. What the file leaves out comes from the baseline: its status class, within
 * the entry function's timeout.
 *
 * @param status          {@code 2xx} or {@code 200}; null: the baseline's class
 * @param latencyMs       the bound, or 0: the entry function's timeout
 * @param bodyPath        a dotted path into the JSON body ({@code $.message}), or null
 * @param bodyEquals      the text the value at {@code bodyPath} must have, or null: it must only exist
 * @param deadLetterQueues the dead-letter queues (logical ids) no message may reach during the run; {@link #EVERY_QUEUE}
 *                         alone names every dead-letter queue of the template
 */
public record Hypothesis(String status, long latencyMs, String bodyPath, String bodyEquals,
                         List<String> deadLetterQueues) {
    /** What {@code "deadLetterQueuesEmpty": true} stands for: every dead-letter queue. */
    public static final String EVERY_QUEUE = "*";
    private static final Set<String> FIELDS = Set.of("status", "latencyMs", "body", "deadLetterQueuesEmpty");
    private static final ObjectMapper JSON = new ObjectMapper();

    public Hypothesis {
        deadLetterQueues = List.copyOf(deadLetterQueues);
    }

    /** The default: completed from the baseline. */
    public static Hypothesis baseline() {
        return new Hypothesis(null, 0, null, null, List.of());
    }

    /** Reads the hypothesis part of an explore file's object; a mistake is one line naming the field. */
    static Hypothesis parse(JsonNode root, String source) {
        JsonNode node = root.path("hypothesis");
        if (node.isMissingNode() || node.isNull()) {
            return baseline();
        }
        if (!node.isObject()) {
            throw new LocalRunException(source + ": 'hypothesis' wants an object");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new LocalRunException(source + ": 'hypothesis' has an unknown field '" + name
                        + "' (known: status, latencyMs, body, deadLetterQueuesEmpty)");
            }
        }
        String status = null;
        JsonNode statusNode = node.get("status");
        if (statusNode != null) {
            status = statusNode.asText().toLowerCase(Locale.ROOT);
            if (!status.matches("[1-5](xx|\\d\\d)")) {
                throw new LocalRunException(source + ": 'hypothesis.status' wants a class like \"2xx\" or a status "
                        + "like 200, got " + statusNode);
            }
        }
        long latency = 0;
        JsonNode latencyNode = node.get("latencyMs");
        if (latencyNode != null) {
            if (!latencyNode.isIntegralNumber() || latencyNode.asLong() < 1) {
                throw new LocalRunException(source + ": 'hypothesis.latencyMs' wants a positive whole number, got "
                        + latencyNode);
            }
            latency = latencyNode.asLong();
        }
        String path = null;
        String equals = null;
        JsonNode body = node.get("body");
        if (body != null) {
            path = body.path("path").asText(null);
            if (!body.isObject() || path == null || !path.startsWith("$.") || body.size() > 2
                    || (body.size() == 2 && !body.has("equals"))) {
                throw new LocalRunException(source + ": 'hypothesis.body' wants {\"path\": \"$.name\"} and "
                        + "optionally \"equals\": \"text\"");
            }
            equals = body.has("equals") ? body.get("equals").asText() : null;
        }
        List<String> queues = new ArrayList<>();
        JsonNode dlq = node.get("deadLetterQueuesEmpty");
        if (dlq != null) {
            if (dlq.isBoolean()) {
                if (dlq.asBoolean()) {
                    queues.add(EVERY_QUEUE);
                }
            } else if (dlq.isArray() && !dlq.isEmpty()) {
                dlq.forEach(queue -> queues.add(queue.asText()));
            } else {
                throw new LocalRunException(source + ": 'hypothesis.deadLetterQueuesEmpty' wants true (every "
                        + "dead-letter queue) or an array of the template's dead-letter queues (logical ids)");
            }
        }
        return new Hypothesis(status, latency, path, equals, queues);
    }

    /** This hypothesis with what it leaves out taken from the baseline's status and the entry's timeout. */
    Hypothesis completedBy(int baselineStatus, long entryTimeoutMs) {
        return new Hypothesis(status != null ? status : (baselineStatus / 100) + "xx",
                latencyMs > 0 ? latencyMs : entryTimeoutMs, bodyPath, bodyEquals, deadLetterQueues);
    }

    /**
     * Why the answer breaks the hypothesis, or null when it holds. {@code arrived} counts the messages each dead-letter
     * queue received since the run started.
     */
    String violation(int answerStatus, String answerBody, double latencyMillis, DeadLetterQueues arrived) {
        if (!statusHolds(answerStatus)) {
            return "answered " + answerStatus + ", not " + status;
        }
        if (latencyMillis > latencyMs) {
            return String.format(Locale.ROOT, "took %.0f ms, over %d ms", latencyMillis, latencyMs);
        }
        if (bodyPath != null) {
            JsonNode value = valueAt(answerBody, bodyPath);
            if (value == null) {
                return "the body has no " + bodyPath;
            }
            if (bodyEquals != null && !bodyEquals.equals(value.asText())) {
                return "the body's " + bodyPath + " is " + value.asText() + ", not " + bodyEquals;
            }
        }
        return deadLetterViolation(arrived);
    }

    /** Why the dead letters that {@code arrived} break the hypothesis, or null when none reached a watched queue. */
    String deadLetterViolation(DeadLetterQueues arrived) {
        if (deadLetterQueues.isEmpty()) {
            return null;
        }
        for (String queue : queuesIn(arrived)) {
            int count = arrived.arrivedIn(queue);
            if (count > 0) {
                return count + " message" + (count == 1 ? "" : "s") + " reached the dead-letter queue " + queue;
            }
        }
        return null;
    }

    /** The queues this hypothesis watches, among those {@code queues} has: all of them for {@link #EVERY_QUEUE}. */
    private List<String> queuesIn(DeadLetterQueues queues) {
        return deadLetterQueues.equals(List.of(EVERY_QUEUE)) ? queues.names() : deadLetterQueues;
    }

    /**
     * Why the hypothesis cannot be checked against {@code queues} (the environment's dead-letter queues, null when it
     * runs none), or null when it can: every queue it names must be one of them.
     */
    String unknownQueues(DeadLetterQueues queues) {
        if (deadLetterQueues.isEmpty()) {
            return null;
        }
        if (queues == null || queues.names().isEmpty()) {
            return "the hypothesis watches dead-letter queues, and this app has none (no queue's RedrivePolicy names "
                    + "one, or no SQS engine runs)";
        }
        List<String> unknown = deadLetterQueues.stream().filter(q -> !q.equals(EVERY_QUEUE))
                .filter(q -> !queues.names().contains(q)).toList();
        return unknown.isEmpty() ? null : "the hypothesis names " + String.join(", ", unknown) + ", which is no "
                + "dead-letter queue of this app (its dead-letter queues: " + String.join(", ", queues.names()) + ")";
    }

    boolean statusHolds(int answerStatus) {
        String text = Integer.toString(answerStatus);
        return status.endsWith("xx") ? text.charAt(0) == status.charAt(0) : text.equals(status);
    }

    /** One line for the report: {@code 2xx within 30000 ms}. */
    public String describe() {
        StringBuilder text = new StringBuilder(status).append(" within ").append(latencyMs).append(" ms");
        if (bodyPath != null) {
            text.append(", body ").append(bodyPath).append(bodyEquals != null ? " = " + bodyEquals : " present");
        }
        if (!deadLetterQueues.isEmpty()) {
            text.append(", no new dead letter in ").append(deadLetterQueues.equals(List.of(EVERY_QUEUE))
                    ? "any dead-letter queue" : String.join(", ", deadLetterQueues));
        }
        return text.toString();
    }

    /** The value at a dotted path of a JSON body, or null (no JSON, or nothing there). */
    static JsonNode valueAt(String body, String path) {
        JsonNode value;
        try {
            value = body == null ? null : JSON.readTree(body);
        } catch (IOException notJson) {
            return null;
        }
        for (String segment : path.substring(2).split("\\.")) {
            if (value == null) {
                return null;
            }
            value = value.isArray() && segment.matches("\\d{1,8}") ? value.get(Integer.parseInt(segment))
                    : value.get(segment);
        }
        return value == null || value.isNull() || value.isMissingNode() ? null : value;
    }

    /**
     * The messages that reached each dead-letter queue since a run started (the platform counts them from
     * {@code LocalPlatform.deadLetters()}, before the entry and once the app is quiet).
     */
    public interface DeadLetterQueues {
        /** The dead-letter queues of the app, by logical id. */
        List<String> names();

        /** How many messages reached {@code queue} during the run. */
        int arrivedIn(String queue);

        /** Counts from two readings: {@code before} the entry and {@code after} it, queue to messages held. */
        static DeadLetterQueues between(java.util.Map<String, Integer> before, java.util.Map<String, Integer> after) {
            return new DeadLetterQueues() {
                @Override
                public List<String> names() {
                    return List.copyOf(after.keySet());
                }

                @Override
                public int arrivedIn(String queue) {
                    return Math.max(0, after.getOrDefault(queue, 0) - before.getOrDefault(queue, 0));
                }
            };
        }
    }
}
