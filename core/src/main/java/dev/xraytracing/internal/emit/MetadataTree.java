package dev.xraytracing.internal.emit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.xraytracing.internal.log.WarnOnce;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Turns a metadata value into a JSON-safe tree when it is recorded: maps with string keys, lists, strings, booleans,
 * finite numbers of the JDK's own types, and nulls. Whoever writes the entity later (our writer, or the X-Ray SDK's
 * Jackson under a segment it owns) can then not fail on it, and a value the user goes on changing is recorded as it
 * was. What cannot be read (an iteration or getter that throws, a {@code toString()} that throws or returns null, a
 * structure deeper than {@link #MAX_DEPTH} or larger than {@link #MAX_VALUES}) becomes a short placeholder string in
 * its place, logged once per type; the rest of the value is kept. Never throws.
 */
public final class MetadataTree {
    static final int MAX_DEPTH = 32;
    static final int MAX_VALUES = 10_000;

    private final WarnOnce warnings;
    private int values;

    private MetadataTree(WarnOnce warnings) {
        this.warnings = warnings;
    }

    public static Object of(Object value, WarnOnce warnings) {
        return new MetadataTree(warnings).child(value, 0);
    }

    private Object child(Object value, int depth) {
        try {
            return convert(value, depth);
        } catch (Throwable failure) {
            return unreadable(value, failure.getClass().getSimpleName());
        }
    }

    private Object convert(Object value, int depth) {
        if (++values > MAX_VALUES) {
            return values == MAX_VALUES + 1
                    ? placeholder(value, "more than " + MAX_VALUES + " values; the rest is left out") : null;
        }
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
                || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return value;
        }
        if (value instanceof Double || value instanceof Float) {
            return finite(((Number) value).doubleValue(), value);
        }
        if (value.getClass() == BigDecimal.class || value.getClass() == BigInteger.class) {
            return value;
        }
        if (value instanceof AtomicInteger || value instanceof AtomicLong || value instanceof LongAdder) {
            return ((Number) value).longValue();
        }
        if (value instanceof Number) {
            return finite(((Number) value).doubleValue(), value);
        }
        if (value instanceof Character) {
            return value.toString();
        }
        if (value instanceof Enum) {
            return ((Enum<?>) value).name();
        }
        if (value instanceof CharSequence) {
            String text = value.toString();
            return text != null ? text : unreadable(value, "toString() returned null");
        }
        if (depth >= MAX_DEPTH) {
            return placeholder(value, "nested deeper than " + MAX_DEPTH + " levels");
        }
        if (value instanceof Map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                copy.put(key(entry.getKey()), child(entry.getValue(), depth + 1));
                if (values > MAX_VALUES) {
                    break;
                }
            }
            return copy;
        }
        if (JacksonTrees.isNode(value)) { // before Iterable: every JsonNode is one
            return node((JsonNode) value, depth);
        }
        if (value instanceof Iterable) {
            List<Object> copy = new ArrayList<>();
            Iterator<?> elements = ((Iterable<?>) value).iterator();
            while (elements.hasNext() && values <= MAX_VALUES) {
                copy.add(child(elements.next(), depth + 1));
            }
            return copy;
        }
        if (value.getClass().isArray()) {
            int length = Array.getLength(value);
            List<Object> copy = new ArrayList<>(Math.min(length, 1_024));
            for (int i = 0; i < length && values <= MAX_VALUES; i++) {
                copy.add(child(Array.get(value, i), depth + 1));
            }
            return copy;
        }
        return object(value, depth);
    }

    /** Any other object, by its getters as the X-Ray SDK would write it (Jackson); its text where Jackson is absent. */
    private Object object(Object value, int depth) {
        try {
            return node(MetadataJson.toTree(value), depth);
        } catch (LinkageError noJackson) {
            warnings.warn("metadata:no-jackson", "a metadata value of type " + value.getClass().getName()
                    + " was recorded as its toString(): objects are written by their getters with Jackson "
                    + "(jackson-databind), which is not on the class path (" + noJackson + ")");
            String text = value.toString();
            return text != null ? text : unreadable(value, "toString() returned null");
        }
    }

    private Object node(JsonNode node, int depth) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject()) {
            Map<String, Object> copy = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext() && values <= MAX_VALUES) {
                Map.Entry<String, JsonNode> field = fields.next();
                copy.put(field.getKey(), child(field.getValue(), depth + 1));
            }
            return copy;
        }
        if (node.isArray()) {
            List<Object> copy = new ArrayList<>(node.size());
            for (int i = 0; i < node.size() && values <= MAX_VALUES; i++) {
                copy.add(child(node.get(i), depth + 1));
            }
            return copy;
        }
        if (node.isPojo()) {
            return child(((com.fasterxml.jackson.databind.node.POJONode) node).getPojo(), depth + 1);
        }
        if (node.isNumber()) {
            return child(node.numberValue(), depth);
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return node.asText();
    }

    private static Object finite(double number, Object original) {
        if (Double.isFinite(number)) {
            return original instanceof Double || original instanceof Float || number != Math.rint(number)
                    || Math.abs(number) >= 1e15 ? (Object) number : (Object) (long) number;
        }
        return Double.toString(number);
    }

    private String key(Object key) {
        if (key == null) {
            return "null";
        }
        if (key instanceof String) {
            return (String) key;
        }
        try {
            String text = key instanceof Enum ? ((Enum<?>) key).name() : key.toString();
            return text != null ? text : "<" + key.getClass().getName() + " key: toString() returned null>";
        } catch (Throwable failure) {
            warnings.warn("metadata:key:" + key.getClass().getName(), "a metadata map key of type "
                    + key.getClass().getName() + " could not be turned into a string; recorded a placeholder key");
            return "<" + key.getClass().getName() + " key: toString() threw " + failure.getClass().getSimpleName()
                    + ">";
        }
    }

    private String unreadable(Object value, String reason) {
        return placeholder(value, reason);
    }

    private String placeholder(Object value, String reason) {
        String type = value == null ? "null" : value.getClass().getName();
        warnings.warn("metadata:" + type, "a metadata value of type " + type + " could not be recorded as it is; "
                + "recorded a placeholder instead (" + reason + ")");
        return "<unserializable " + type + ": " + reason + ">";
    }

    /** A failure as a placeholder's reason: its simple class name and its message's first line (200 characters). */
    public static String failureReason(Throwable failure) {
        String message = failure.getMessage();
        if (message == null) {
            return failure.getClass().getSimpleName() + ": no message";
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return failure.getClass().getSimpleName() + ": " + (line.length() > 200 ? line.substring(0, 200) : line);
    }
}
