package dev.xraytracing.otel.internal;

import java.util.List;

/**
 * One finished span drawn from one entity of a segment document, as plain values: what both the daemon path
 * ({@link OtlpTraceEncoder}) and a user's exporter ({@link SpanRecords}, as {@code SpanData}) are given.
 *
 * @param kind            OTLP's span kind number (1 internal, 2 server, 3 client)
 * @param parentSpanId    null for a root span
 * @param parentRemote    whether the parent lives in another process (Lambda's own segment, an upstream caller)
 * @param error           whether the status is ERROR (else unset)
 * @param service         for a segment's span, the name its resource gives as {@code service.name}; else null
 */
record SpanRecord(String name, int kind, String traceId, String spanId, String parentSpanId, boolean parentRemote,
                  boolean error, String statusMessage, long startEpochNanos, long endEpochNanos, SpanFields attributes,
                  List<Event> events, List<Link> links, String service) {
    /** The instrumentation scope every span is in. */
    static final String SCOPE_NAME = "dev.xraytracing";
    static final int INTERNAL = 1;
    static final int SERVER = 2;
    static final int CLIENT = 3;

    /** An event of the span (the exceptions). */
    record Event(String name, long epochNanos, SpanFields attributes) {
    }

    /** A link to a span of another trace, which lives in another process. */
    record Link(String traceId, String spanId, SpanFields attributes) {
    }
}
