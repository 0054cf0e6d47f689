package dev.xraytracing.internal.emit;

import dev.xraytracing.internal.log.WarnOnce;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;

/**
 * A small JSON writer into a reusable {@link StringBuilder}. It writes the value types that segment documents hold
 * directly and hands anything else to {@link MetadataJson}, which never throws.
 */
final class JsonOut {
    private static final int MAX_DEPTH = 32;
    /** Below this, seconds * 1000 is far inside the range where doubles hold every whole number. */
    private static final double MAX_MILLIS_EXACT_SECONDS = 1e12;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    final StringBuilder out;
    final WarnOnce warnings;
    private boolean needsComma;

    JsonOut(StringBuilder out, WarnOnce warnings) {
        this.out = out;
        this.warnings = warnings;
    }

    /** Drops what was written after {@code mark}, a length taken right after a {@link #name}. */
    void rewindAfterName(int mark) {
        out.setLength(mark);
        needsComma = false;
    }

    void beginObject() {
        out.append('{');
        needsComma = false;
    }

    void endObject() {
        out.append('}');
        needsComma = true;
    }

    void beginArray() {
        out.append('[');
        needsComma = false;
    }

    void endArray() {
        out.append(']');
        needsComma = true;
    }

    void name(String name) {
        separate();
        string(name);
        out.append(':');
        needsComma = false;
    }

    /**
     * A field name that is one of the writer's own literals: plain ASCII with nothing to escape, so it is copied
     * without the escape scan that user-supplied names (map keys) get in {@link #name}.
     */
    private void fieldName(String name) {
        separate();
        out.append('"').append(name).append("\":");
        needsComma = false;
    }

    /** The {@code field} methods take only the writer's own literal names; see {@link #fieldName}. */
    void field(String name, String value) {
        if (value != null) {
            fieldName(name);
            string(value);
            needsComma = true;
        }
    }

    void field(String name, boolean value) {
        fieldName(name);
        out.append(value);
        needsComma = true;
    }

    void field(String name, double value) {
        fieldName(name);
        number(value);
        needsComma = true;
    }

    void field(String name, long value) {
        fieldName(name);
        out.append(value);
        needsComma = true;
    }

    /**
     * A time in epoch seconds. The X-Ray SDK makes them as {@code millis / 1000d}; such a value is written as the exact
     * decimal it came from ({@code 1764199933.123}), which parses back to the same double, without the general double
     * formatter that costs a fifth of a subsegment's emit. Any other value is written as {@link #number} writes it.
     */
    void timeField(String name, double seconds) {
        fieldName(name);
        if (seconds >= 0 && seconds < MAX_MILLIS_EXACT_SECONDS) {
            long millis = Math.round(seconds * 1000);
            // millis / 1000d is the double nearest to the decimal millis/1000, just as parsing that decimal gives.
            if (millis / 1000d == seconds) {
                writeMillisAsSeconds(millis);
                needsComma = true;
                return;
            }
        }
        number(seconds);
        needsComma = true;
    }

    private void writeMillisAsSeconds(long millis) {
        out.append(millis / 1000);
        int fraction = (int) (millis % 1000);
        if (fraction != 0) {
            out.append('.').append((char) ('0' + fraction / 100));
            int rest = fraction % 100;
            if (rest != 0) {
                out.append((char) ('0' + rest / 10));
                if (rest % 10 != 0) {
                    out.append((char) ('0' + rest % 10));
                }
            }
        }
    }

    /** An array element or a field value: separates it from the previous element when needed. */
    void element() {
        separate();
    }

    private void separate() {
        if (needsComma) {
            out.append(',');
        }
    }

    void number(double value) {
        if (Double.isFinite(value)) {
            if (value == Math.rint(value) && Math.abs(value) < 1e15) {
                out.append((long) value);
            } else {
                out.append(value);
            }
        } else {
            string(Double.toString(value));
        }
    }

    /** Writes any value; returns false when part of it could not be serialized and was replaced. */
    void value(Object value) {
        value(value, 0);
    }

    /**
     * Writes {@code map} as an object whatever happens: an entry that fails is replaced (as by {@link #value}), and a
     * map that cannot even be iterated (say, on a nearly exhausted stack) becomes {@code {}}, so that a field the
     * schema wants as an object stays one.
     */
    void objectOf(Map<?, ?> map) {
        separate();
        int mark = out.length();
        try {
            plainValue(map, 0);
        } catch (Throwable failure) {
            out.setLength(mark);
            out.append("{}");
        }
        needsComma = true;
    }

    private void value(Object value, int depth) {
        separate();
        int mark = out.length();
        try {
            plainValue(value, depth);
        } catch (Throwable failure) {
            // A value that throws while it is written (only values that bypassed MetadataTree can) is replaced.
            out.setLength(mark);
            string(MetadataJson.placeholder(value, failure.getClass().getSimpleName()));
        }
        needsComma = true;
    }

    private void plainValue(Object value, int depth) {
        if (value == null || value == JsonNull.VALUE) {
            out.append("null");
        } else if (value instanceof String) {
            string((String) value);
        } else if (value instanceof Boolean) {
            out.append(((Boolean) value).booleanValue());
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short
                || value instanceof Byte) {
            out.append(value);
        } else if (value instanceof Double || value instanceof Float) {
            number(((Number) value).doubleValue());
        } else if (value.getClass() == BigDecimal.class || value.getClass() == BigInteger.class) {
            out.append(value); // their toString is always a JSON number
        } else if (value instanceof Number) {
            number(((Number) value).doubleValue()); // a subclass's toString may be anything ("12.30 EUR", "NaN")
        } else if (value instanceof Enum) {
            string(((Enum<?>) value).name());
        } else if (value instanceof Character || value instanceof CharSequence) {
            string(String.valueOf(value.toString()));
        } else if (depth >= MAX_DEPTH) {
            string(MetadataJson.placeholder(value, "nested deeper than " + MAX_DEPTH + " levels"));
        } else if (value instanceof Map) {
            out.append('{');
            needsComma = false;
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                String key = String.valueOf(entry.getKey());
                name(key != null ? key : "null");
                value(entry.getValue(), depth + 1);
            }
            out.append('}');
        } else if (JacksonTrees.isNode(value)) {
            // After Map (so that writing a map never loads Jackson), before Iterable: every JsonNode is one, and an
            // ObjectNode iterates over its values only.
            plainValue(MetadataTree.of(value, warnings), depth);
        } else if (value instanceof Iterable) {
            out.append('[');
            needsComma = false;
            for (Object element : (Iterable<?>) value) {
                value(element, depth + 1);
            }
            out.append(']');
        } else if (value.getClass().isArray()) {
            out.append('[');
            needsComma = false;
            int length = Array.getLength(value);
            for (int i = 0; i < length; i++) {
                value(Array.get(value, i), depth + 1);
            }
            out.append(']');
        } else {
            out.append(MetadataJson.toJson(value, warnings));
        }
    }

    void string(String s) {
        out.append('"');
        int length = s.length();
        int start = 0;
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\' || c == 0x2028 || c == 0x2029) {
                out.append(s, start, i);
                switch (c) {
                    case '"': out.append("\\\""); break;
                    case '\\': out.append("\\\\"); break;
                    case '\n': out.append("\\n"); break;
                    case '\r': out.append("\\r"); break;
                    case '\t': out.append("\\t"); break;
                    default:
                        out.append("\\u").append(HEX[c >> 12 & 0xF]).append(HEX[c >> 8 & 0xF])
                                .append(HEX[c >> 4 & 0xF]).append(HEX[c & 0xF]);
                }
                start = i + 1;
            }
        }
        out.append(s, start, length);
        out.append('"');
    }
}
