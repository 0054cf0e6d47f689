package dev.xraytracing.sdk.internal;

/**
 * Builds the {@code X-Amzn-Trace-Id} an SDK call sends: Root, then Parent and Sampled for this call, then every other
 * field of the incoming header unchanged, in its order. Keeping {@code Lineage} is what lets Lambda stop recursive
 * invocation loops; X-Ray's own interceptor drops it.
 */
final class OutgoingTraceHeader {
    static final String NAME = "X-Amzn-Trace-Id";

    private OutgoingTraceHeader() {
    }

    /**
     * @param incoming the header this invocation received (Lambda), or null under a segment of our own; its other
     *                 fields are kept only if it belongs to the same trace (a stale header of another invocation
     *                 must not leak its Lineage)
     * @param root     the trace id
     * @param parentId the id of the entity the callee should hang under
     */
    static String build(String incoming, String root, String parentId, boolean sampled) {
        StringBuilder header = new StringBuilder(incoming == null ? 96 : incoming.length() + 32);
        header.append("Root=").append(root).append(";Parent=").append(parentId)
                .append(";Sampled=").append(sampled ? '1' : '0');
        if (incoming != null && root.equals(field(incoming, "Root"))) {
            for (String part : incoming.split(";")) {
                String trimmed = part.trim();
                if (!trimmed.isEmpty() && !hasKey(trimmed, "Root") && !hasKey(trimmed, "Parent")
                        && !hasKey(trimmed, "Sampled")) {
                    header.append(';').append(trimmed);
                }
            }
        }
        return header.toString();
    }

    private static String field(String header, String key) {
        for (String part : header.split(";")) {
            String trimmed = part.trim();
            if (hasKey(trimmed, key)) {
                return trimmed.substring(key.length() + 1);
            }
        }
        return null;
    }

    private static boolean hasKey(String part, String key) {
        return part.length() > key.length() && part.charAt(key.length()) == '='
                && part.regionMatches(true, 0, key, 0, key.length());
    }
}
