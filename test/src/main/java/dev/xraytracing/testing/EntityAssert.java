package dev.xraytracing.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.xraytracing.trace.RecordedEntity;
import dev.xraytracing.trace.Waterfall;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;

/** Assertions on one recorded segment or subsegment; a failure prints the whole trace as a waterfall. */
public final class EntityAssert extends AbstractAssert<EntityAssert, RecordedEntity> {
    private static final ObjectMapper JSON = new ObjectMapper();

    EntityAssert(RecordedEntity entity) {
        super(entity, EntityAssert.class);
    }

    /**
     * The annotation {@code key} equals {@code expected}. A string expectation also matches a number or boolean with
     * the same text, so {@code hasAnnotation("Status", "200")} accepts 200.
     */
    public EntityAssert hasAnnotation(String key, Object expected) {
        Map<String, Object> annotations = actual.annotations();
        if (!annotations.containsKey(key)) {
            fail("Expected <%s> to have annotation <%s>, but its annotations are %s", key, annotations);
        }
        Object value = annotations.get(key);
        boolean same = Objects.equals(value, expected)
                || (expected instanceof String && String.valueOf(value).equals(expected))
                || (expected instanceof Number && value instanceof Number
                    && ((Number) expected).doubleValue() == ((Number) value).doubleValue());
        if (!same) {
            fail("Expected annotation <%s> of <%s> to be <%s> but was <%s>", key, expected, value);
        }
        return this;
    }

    /** The entity links to trace {@code traceId} (X-Ray's {@code links}), as a batch record links to its producer. */
    public EntityAssert hasLinkTo(String traceId) {
        if (actual.links().stream().noneMatch(link -> link.traceId().equals(traceId))) {
            fail("Expected <%s> to link to trace <%s>, but its links are %s", actual.name(), traceId, actual.links());
        }
        return this;
    }

    public EntityAssert hasNoLinks() {
        if (!actual.links().isEmpty()) {
            fail("Expected <%s> to link to no trace, but its links are %s", actual.name(), actual.links());
        }
        return this;
    }

    public EntityAssert hasNoAnnotation(String key) {
        if (actual.annotations().containsKey(key)) {
            fail("Expected <%s> to have no annotation <%s>, but it is <%s>", key, actual.annotations().get(key));
        }
        return this;
    }

    /**
     * Metadata {@code key} exists under {@code namespace}; returns it as JSON for further checks
     * ({@code .path("id").asText()}). {@link RecordedEntity#metadata()} has the same values as plain Java.
     */
    public JsonNode metadata(String namespace, String key) {
        Map<String, Object> values = actual.metadata().get(namespace);
        if (values == null || !values.containsKey(key)) {
            fail("Expected <%s> to have metadata <%s> in namespace <%s>, but its metadata is %s", key, namespace,
                    actual.metadata());
        }
        return JSON.valueToTree(values.get(key));
    }

    public EntityAssert hasMetadata(String namespace, String key) {
        metadata(namespace, key);
        return this;
    }

    public EntityAssert hasNoCause() {
        if (actual.hasCause()) {
            fail("Expected <%s> to have no cause, but it has %s", actual.cause().orElseThrow());
        }
        return this;
    }

    public EntityAssert hasCause() {
        if (!actual.hasCause()) {
            fail("Expected <%s> to have a cause, but it has none");
        }
        return this;
    }

    /** Some exception of the cause has this type: a class name, simple or full, or a label such as FailedStatus. */
    public EntityAssert hasExceptionOfType(String type) {
        if (actual.exceptions().stream().noneMatch(e -> e.type() != null
                && (e.type().equals(type) || e.type().endsWith("." + type) || e.type().endsWith("$" + type)))) {
            fail("Expected <%s> to have an exception of type <%s>, but it has %s", type, actual.exceptions());
        }
        return this;
    }

    public EntityAssert hasExceptionMessageContaining(String text) {
        if (actual.exceptions().stream().noneMatch(e -> e.message() != null && e.message().contains(text))) {
            fail("Expected <%s> to have an exception whose message contains <%s>, but it has %s", text,
                    actual.exceptions());
        }
        return this;
    }

    public EntityAssert isFault() {
        return flag("fault", actual.isFault(), true);
    }

    public EntityAssert isNotFault() {
        return flag("fault", actual.isFault(), false);
    }

    public EntityAssert isError() {
        return flag("error", actual.isError(), true);
    }

    public EntityAssert isNotError() {
        return flag("error", actual.isError(), false);
    }

    public EntityAssert isThrottle() {
        return flag("throttle", actual.isThrottle(), true);
    }

    public EntityAssert isNotThrottle() {
        return flag("throttle", actual.isThrottle(), false);
    }

    /** No fault, error or throttle flag and no cause. */
    public EntityAssert isOk() {
        isNotFault();
        isNotError();
        isNotThrottle();
        return hasNoCause();
    }

    /** Ended: has an end time and is not in progress. */
    public EntityAssert isClosed() {
        if (actual.isInProgress() || !actual.hasEndTime()) {
            fail("Expected <%s> to be closed, but it is still in progress");
        }
        return this;
    }

    public EntityAssert hasNamespace(String namespace) {
        if (!Objects.equals(namespace, actual.namespace())) {
            fail("Expected <%s> to have namespace <%s> but it has <%s>", namespace, actual.namespace());
        }
        return this;
    }

    public EntityAssert hasHttpStatus(int status) {
        Optional<Integer> recorded = actual.httpStatus();
        if (recorded.isEmpty() || recorded.get() != status) {
            fail("Expected <%s> to have http.response.status <%s> but it has %s", status, recorded);
        }
        return this;
    }

    /** The {@code aws} field {@code name} has this text (numbers and booleans compare by their text). */
    public EntityAssert hasAwsField(String name, Object expected) {
        String field = actual.aws().text(name);
        if (field == null || !field.equals(String.valueOf(expected))) {
            fail("Expected <%s> to have aws.%s <%s> but the aws fields are %s", name, expected, actual.aws());
        }
        return this;
    }

    public EntityAssert hasNoAwsField(String name) {
        if (actual.aws().has(name)) {
            fail("Expected <%s> to have no aws.%s, but the aws fields are %s", name, actual.aws());
        }
        return this;
    }

    /**
     * This AWS SDK call's subsegment shows {@code expected} attempts: {@code aws.retries} is one less, and a call of
     * more than one attempt has that many children {@code Attempt 1} ... {@code Attempt n}, each with its own status
     * and timing (a call of one attempt has none). How many attempts a call makes is its client's retry strategy: a
     * default client makes 4 on a throttle, one built with {@code retryStrategy(b -> b.maxAttempts(3))} makes 3.
     */
    public EntityAssert hasSdkAttempts(int expected) {
        if (!actual.aws().has("retries")) {
            fail("Expected <%s> to be an AWS SDK call's subsegment with %s, but it has no aws.retries; "
                    + "its aws fields are %s", attempts(expected), actual.aws());
        }
        int attempts = actual.aws().retries() + 1;
        long children = actual.children().stream().filter(c -> c.name().matches("Attempt \\d+")).count();
        if (attempts != expected) {
            fail("Expected <%s> to show %s but it shows %s (aws.retries %s)", attempts(expected), attempts(attempts),
                    actual.aws().retries());
        }
        if (expected > 1 && children != expected) {
            fail("Expected <%s> to have the children Attempt 1 ... Attempt %s for its %s, but it has %s of them",
                    expected, attempts(expected), children);
        }
        if (expected <= 1 && children != 0) {
            fail("Expected <%s> to have no Attempt children for its %s, but it has %s", attempts(expected),
                    children);
        }
        return this;
    }

    private static String attempts(int count) {
        return Counts.of(count, "SDK attempt", "SDK attempts");
    }

    /**
     * Checks that a direct child is named {@code name} and stays on this entity, as AssertJ's {@code has...} methods
     * do. To go on with the child itself, use {@link #child}.
     */
    public EntityAssert hasChild(String name) {
        child(name);
        return this;
    }

    /** Moves to the direct child named {@code name}: the assertions that follow are about it. */
    public EntityAssert child(String name) {
        return actual.children().stream().filter(c -> c.name().equals(name)).findFirst().map(EntityAssert::new)
                .orElseGet(() -> {
                    fail("Expected <%s> to have a child named <%s>, but its children are %s", name,
                            actual.children());
                    return null;
                });
    }

    /** Continues with the first entity named {@code name} anywhere below this one. */
    public EntityAssert subsegment(String name) {
        return actual.find(e -> e.name().equals(name)).map(EntityAssert::new).orElseGet(() -> {
            fail("Expected <%s> to have a descendant named <%s>, but it has none", name);
            return null;
        });
    }

    public EntityAssert hasChildCount(int expected) {
        if (actual.children().size() != expected) {
            fail("Expected <%s> to have %s but it has %s", Counts.of(expected, "child", "children"),
                    actual.children().size());
        }
        return this;
    }

    public EntityAssert hasParent(String name) {
        String parent = actual.parent().map(RecordedEntity::name).orElse(null);
        if (!name.equals(parent)) {
            fail("Expected <%s> to have parent <%s> but its parent is <%s>", name, parent);
        }
        return this;
    }

    /** Continues with this entity's parent. */
    public EntityAssert parent() {
        return actual.parent().map(EntityAssert::new).orElseGet(() -> {
            fail("Expected <%s> to have a parent, but it is a root");
            return null;
        });
    }

    public RecordedEntity entity() {
        return actual;
    }

    /** Fails with {@code format} (its first %s is this entity's name) followed by the whole trace. */
    private void fail(String format, Object... arguments) {
        Object[] all = new Object[arguments.length + 2];
        all[0] = actual.name();
        System.arraycopy(arguments, 0, all, 1, arguments.length);
        all[all.length - 1] = waterfall();
        failWithMessage(format + "%nRecorded trace:%n%s", all);
    }

    private EntityAssert flag(String flag, boolean value, boolean expected) {
        if (value != expected) {
            fail("Expected <%s> to " + (expected ? "have" : "not have") + " the %s flag", flag);
        }
        return this;
    }

    private String waterfall() {
        return actual.trace() == null ? actual.toString() : Waterfall.render(actual.trace());
    }
}
