package dev.xraytracing.internal.emit;

/**
 * Tells Jackson's trees apart from other values without naming Jackson's classes, so that writing metadata loads
 * nothing of Jackson and works where a function's zip leaves Jackson out (docs/packaging.md): an {@code instanceof
 * JsonNode} would load {@code JsonNode}, or fail, for every value it tests.
 */
final class JacksonTrees {
    private static final String JSON_NODE = "com.fasterxml.jackson.databind.JsonNode";

    private JacksonTrees() {
    }

    /** Whether {@code value} is a Jackson {@code JsonNode}; only such a value's own classes are looked at. */
    static boolean isNode(Object value) {
        for (Class<?> type = value.getClass(); type != null; type = type.getSuperclass()) {
            if (type.getName().equals(JSON_NODE)) {
                return true;
            }
        }
        return false;
    }
}
