package dev.xraytracing.faults.internal;

import com.amazonaws.xray.entities.Entity;
import dev.xraytracing.internal.TraceHeader;
import dev.xraytracing.internal.config.ConfigKey;
import dev.xraytracing.internal.config.Configuration;

/**
 * The root of the trace an invocation belongs to, for {@code traceId} matches: the handler subsegment's trace, else
 * the header the runtime hands the function ({@code com.amazonaws.xray.traceHeader}, then {@code _X_AMZN_TRACE_ID}).
 */
final class InvocationTrace {
    private InvocationTrace() {
    }

    /** The trace root ({@code 1-...-...}), or null when the invocation has none. */
    static String rootOf(Entity handlerSubsegment) {
        if (handlerSubsegment != null && handlerSubsegment.getTraceId() != null) {
            String root = handlerSubsegment.getTraceId().toString();
            if (root.startsWith("1-")) {
                return root;
            }
        }
        // Read through the configuration table, as every setting is (the runtime's property, then the variable).
        return rootOfHeader(Configuration.process().value(ConfigKey.TRACE_HEADER));
    }

    /** {@code Root=1-...;Parent=...;Sampled=1} to {@code 1-...}, read as core reads the header; null for none. */
    static String rootOfHeader(String header) {
        if (header == null) {
            return null;
        }
        String root = TraceHeader.parse(header).root();
        return root == null || root.isEmpty() ? null : root;
    }
}
