package dev.xraytracing.otel.internal;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Puts what the document converter ({@link DocumentSpans}) made of an entity onto a span opened through an
 * OpenTelemetry {@code Tracer}: one mapping for both paths, so a live span carries the same name, attributes,
 * status, exception events and links as the converted one.
 */
final class SpanFinish {
    private SpanFinish() {
    }

    /** Everything of {@code converted} but its ids, kind and times, onto {@code span}; does not end it. */
    static void apply(Span span, SpanData converted) {
        span.updateName(converted.getName());
        span.setAllAttributes(converted.getAttributes());
        for (EventData event : converted.getEvents()) {
            span.addEvent(event.getName(), event.getAttributes(), event.getEpochNanos(), TimeUnit.NANOSECONDS);
        }
        for (LinkData link : converted.getLinks()) {
            span.addLink(link.getSpanContext(), link.getAttributes());
        }
        if (converted.getStatus().getStatusCode() != StatusCode.UNSET) {
            span.setStatus(converted.getStatus().getStatusCode(), converted.getStatus().getDescription());
        }
    }

    /**
     * Opens and ends, with their recorded times, spans for entities that had no live span (an SDK call's attempts,
     * a trace begun outside Lambda): {@code converted} parents first, its first one placed under {@code parent}. Their
     * span ids are the tracer's, not the entities'.
     */
    static void replay(Tracer tracer, List<SpanData> converted, Context parent) {
        Map<String, Context> placed = new HashMap<>();
        for (SpanData data : converted) {
            Context under = placed.isEmpty() ? parent : placed.get(data.getParentSpanId());
            if (under == null) {
                continue; // under an entity that was live: it placed its own
            }
            Span span = tracer.spanBuilder(data.getName()).setParent(under).setSpanKind(data.getKind())
                    .setStartTimestamp(data.getStartEpochNanos(), TimeUnit.NANOSECONDS).startSpan();
            apply(span, data);
            span.end(data.getEndEpochNanos(), TimeUnit.NANOSECONDS);
            placed.put(data.getSpanId(), Context.root().with(span));
        }
    }
}
