package dev.xraytracing.internal;

import com.amazonaws.xray.entities.Entity;
import dev.xraytracing.internal.log.WarnOnce;

/**
 * Puts annotations on an entity the way X-Ray can index them. X-Ray keeps only keys matching
 * {@code [A-Za-z0-9_]{1,500}} and string values of up to 1,000 characters and drops anything else without a word,
 * so keys are repaired (every other character becomes {@code _}), values are cut, nulls are refused, and each distinct
 * problem is logged once.
 */
public final class Annotations {
    static final int MAX_KEY_LENGTH = 500;
    static final int MAX_VALUE_LENGTH = 1_000;

    private Annotations() {
    }

    public static void put(Entity entity, String key, Object value, WarnOnce warnings) {
        if (key == null) {
            warnings.warn("annotation:null-key", "an annotation with a null key was refused");
            return;
        }
        if (value == null) {
            warnings.warn("annotation:null-value:" + key, "annotation '" + key + "' had a null value and was not recorded");
            return;
        }
        String safeKey = sanitizeKey(key, warnings);
        if (value instanceof String) {
            entity.putAnnotation(safeKey, truncate(safeKey, (String) value, warnings));
        } else if (value instanceof Boolean) {
            entity.putAnnotation(safeKey, (Boolean) value);
        } else if (value instanceof Number) {
            Object number = plainNumber((Number) value);
            if (number instanceof Number) {
                entity.putAnnotation(safeKey, (Number) number);
            } else {
                warnings.warn("annotation:non-finite:" + safeKey,
                        "annotation '" + safeKey + "' is " + number + ", which JSON cannot carry; recorded as a string");
                entity.putAnnotation(safeKey, (String) number);
            }
        } else {
            warnings.warn("annotation:type:" + safeKey, "annotation '" + safeKey + "' has type "
                    + value.getClass().getName() + "; X-Ray indexes only strings, numbers and booleans, recorded as a string");
            entity.putAnnotation(safeKey, truncate(safeKey, String.valueOf(value), warnings));
        }
    }

    public static String sanitizeKey(String key, WarnOnce warnings) {
        if (isValidKey(key)) {
            return key;
        }
        String fixed;
        if (key.isEmpty()) {
            fixed = "_";
        } else {
            int length = Math.min(key.length(), MAX_KEY_LENGTH);
            char[] chars = new char[length];
            for (int i = 0; i < length; i++) {
                char c = key.charAt(i);
                chars[i] = isKeyChar(c) ? c : '_';
            }
            fixed = new String(chars);
        }
        warnings.warn("annotation:key:" + key,
                "annotation key '" + preview(key) + "' is not indexable by X-Ray; recorded as '" + preview(fixed) + "'");
        return fixed;
    }

    static boolean isValidKey(String key) {
        int length = key.length();
        if (length == 0 || length > MAX_KEY_LENGTH) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (!isKeyChar(key.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isKeyChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }

    private static String truncate(String key, String value, WarnOnce warnings) {
        if (value.length() <= MAX_VALUE_LENGTH) {
            return value;
        }
        warnings.warn("annotation:long:" + key, "annotation '" + preview(key) + "' has " + value.length()
                + " characters; X-Ray keeps " + MAX_VALUE_LENGTH + ", so it was cut");
        int end = MAX_VALUE_LENGTH;
        if (Character.isHighSurrogate(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(0, end);
    }

    /** Keeps log lines readable when a key is very long. */
    static String preview(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "…(" + text.length() + " chars)";
    }

    /**
     * {@code number} as one of the JDK's own number types, which every serializer writes as a JSON number; a
     * non-finite one as its string. A subclass's {@code toString} ("12.30 EUR", "NaN") is never used.
     */
    static Object plainNumber(Number number) {
        if (number instanceof Integer || number instanceof Long || number instanceof Short || number instanceof Byte
                || number.getClass() == java.math.BigInteger.class || number.getClass() == java.math.BigDecimal.class) {
            return number;
        }
        if (number instanceof java.util.concurrent.atomic.AtomicInteger
                || number instanceof java.util.concurrent.atomic.AtomicLong
                || number instanceof java.util.concurrent.atomic.LongAdder) {
            return number.longValue();
        }
        double value = number.doubleValue();
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        if (number instanceof Double || number instanceof Float) {
            return number;
        }
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? (Number) (long) value : (Number) value;
    }
}
