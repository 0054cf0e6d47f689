package dev.xraytracing.otel.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a segment document into maps, lists, strings, numbers and booleans, and writes such values back. The
 * documents are core's own, small and plain JSON; Jackson's parser would cost a cold start on the OpenTelemetry
 * backend about as much as all the rest of its work (its factory and parser classes, docs/benchmarks.md), so this
 * reads them itself. {@code JsonTreeTest} checks it against Jackson over random documents.
 */
final class JsonTree {
    private final String json;
    private int at;

    private JsonTree(String json) {
        this.json = json;
    }

    /**
     * The value {@code json} holds: a {@code Map} (in the document's order), {@code List}, {@code String}, {@code Long}
     * (a whole number that fits), {@code Double} (any other number), {@code Boolean}, or null.
     *
     * @throws IOException when it is not one JSON value
     */
    static Object read(String json) throws IOException {
        JsonTree reader = new JsonTree(json);
        Object value = reader.value();
        reader.skipSpace();
        if (reader.at != json.length()) {
            throw reader.failure("more after the value");
        }
        return value;
    }

    private Object value() throws IOException {
        skipSpace();
        if (at >= json.length()) {
            throw failure("a value expected");
        }
        char c = json.charAt(at);
        switch (c) {
            case '{':
                return object();
            case '[':
                return array();
            case '"':
                return string();
            case 't':
                return literal("true", Boolean.TRUE);
            case 'f':
                return literal("false", Boolean.FALSE);
            case 'n':
                return literal("null", null);
            default:
                return number();
        }
    }

    private Map<String, Object> object() throws IOException {
        Map<String, Object> object = new LinkedHashMap<>();
        at++;
        skipSpace();
        if (peek() == '}') {
            at++;
            return object;
        }
        while (true) {
            skipSpace();
            if (peek() != '"') {
                throw failure("a field name expected");
            }
            String name = string();
            skipSpace();
            expect(':');
            object.put(name, value());
            skipSpace();
            if (peek() == ',') {
                at++;
            } else {
                expect('}');
                return object;
            }
        }
    }

    private List<Object> array() throws IOException {
        List<Object> array = new ArrayList<>();
        at++;
        skipSpace();
        if (peek() == ']') {
            at++;
            return array;
        }
        while (true) {
            array.add(value());
            skipSpace();
            if (peek() == ',') {
                at++;
            } else {
                expect(']');
                return array;
            }
        }
    }

    private String string() throws IOException {
        at++; // the opening quote
        StringBuilder out = null;
        int from = at;
        while (at < json.length()) {
            char c = json.charAt(at);
            if (c == '"') {
                String text = out == null ? json.substring(from, at) : out.append(json, from, at).toString();
                at++;
                return text;
            }
            if (c == '\\') {
                if (out == null) {
                    out = new StringBuilder();
                }
                out.append(json, from, at);
                at++;
                out.append(escaped());
                from = at;
            } else if (c < 0x20) {
                throw failure("a control character in a string");
            } else {
                at++;
            }
        }
        throw failure("an unterminated string");
    }

    private char escaped() throws IOException {
        if (at >= json.length()) {
            throw failure("an unterminated escape");
        }
        char c = json.charAt(at++);
        switch (c) {
            case '"', '\\', '/':
                return c;
            case 'b':
                return '\b';
            case 'f':
                return '\f';
            case 'n':
                return '\n';
            case 'r':
                return '\r';
            case 't':
                return '\t';
            case 'u':
                if (at + 4 > json.length()) {
                    throw failure("a short \\u escape");
                }
                int unit = 0;
                for (int end = at + 4; at < end; at++) {
                    int digit = Character.digit(json.charAt(at), 16);
                    if (digit < 0) {
                        throw failure("a bad \\u escape");
                    }
                    unit = unit * 16 + digit;
                }
                return (char) unit;
            default:
                throw failure("an unknown escape");
        }
    }

    private Object number() throws IOException {
        int from = at;
        boolean whole = true;
        while (at < json.length()) {
            char c = json.charAt(at);
            if (c >= '0' && c <= '9' || c == '-') {
                at++;
            } else if (c == '.' || c == 'e' || c == 'E' || c == '+') {
                whole = false;
                at++;
            } else {
                break;
            }
        }
        String text = json.substring(from, at);
        if (text.isEmpty() || text.equals("-")) {
            throw failure("a value expected");
        }
        try {
            if (whole) {
                try {
                    return Long.parseLong(text);
                } catch (NumberFormatException tooLarge) {
                    return Double.parseDouble(text);
                }
            }
            return Double.parseDouble(text);
        } catch (NumberFormatException notANumber) {
            throw failure("a bad number");
        }
    }

    private Object literal(String word, Object value) throws IOException {
        if (!json.startsWith(word, at)) {
            throw failure("a value expected");
        }
        at += word.length();
        return value;
    }

    private void expect(char c) throws IOException {
        if (peek() != c) {
            throw failure("'" + c + "' expected");
        }
        at++;
    }

    private char peek() {
        return at < json.length() ? json.charAt(at) : 0;
    }

    private void skipSpace() {
        while (at < json.length()) {
            char c = json.charAt(at);
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return;
            }
            at++;
        }
    }

    private IOException failure(String what) {
        return new IOException("not a JSON document: " + what + " at character " + at);
    }

    /** Writes {@code value} (what {@link #read} returns) back as JSON, for metadata carried in one attribute. */
    static String write(Object value) {
        StringBuilder out = new StringBuilder();
        append(out, value);
        return out.toString();
    }

    private static void append(StringBuilder out, Object value) {
        if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(out, String.valueOf(entry.getKey()));
                out.append(':');
                append(out, entry.getValue());
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                append(out, list.get(i));
            }
            out.append(']');
        } else if (value instanceof String text) {
            string(out, text);
        } else {
            out.append(value); // numbers, booleans, null
        }
    }

    private static void string(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
