package dev.xraytracing.otel.internal;

import com.amazonaws.xray.entities.Entity;
import com.amazonaws.xray.entities.Subsegment;
import dev.xraytracing.internal.emit.DocumentWriter;
import dev.xraytracing.internal.emit.DocumentWriter.Shape;
import dev.xraytracing.internal.emit.LiveSpans;
import dev.xraytracing.internal.log.WarnOnce;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Our subsegments as live spans of a global OpenTelemetry (the ADOT layer, the Java agent, or an SDK the team set):
 * each opens a span through the global {@code Tracer} when it opens, takes that span's id, and a block is made the
 * current span of OpenTelemetry's context until it closes, so that the team's own instrumentation nests under it and
 * ours under theirs. When it closes, the span gets what the document converter makes of the entity
 * ({@link SpanFinish}) and ends. What had no live span of its own (an SDK call's attempts) is replayed under it.
 * Never throws; a failure is logged once per kind.
 */
final class JoinedSpans implements LiveSpans {
    private final Tracer tracer;
    private final GlobalFlush flush;
    private final WarnOnce warnings;
    /** Live spans by their (and their subsegment's) id, until their outermost live ancestor has ended. */
    private final Map<String, LiveSpan> live = new ConcurrentHashMap<>();

    JoinedSpans(Tracer tracer, GlobalFlush flush, WarnOnce warnings) {
        this.tracer = tracer;
        this.flush = flush;
        this.warnings = warnings;
    }

    @Override
    public String open(Subsegment subsegment, Entity parent, boolean block) {
        try {
            String traceId = XrayIds.traceIdOf(subsegment.getParentSegment().getTraceId().toString());
            if (traceId == null) {
                return null;
            }
            Span span = tracer.spanBuilder(subsegment.getName())
                    .setParent(parentContext(traceId, parent))
                    .setSpanKind(block ? SpanKind.INTERNAL : SpanKind.CLIENT)
                    .setStartTimestamp(DocumentSpans.nanos(subsegment.getStartTime()), TimeUnit.NANOSECONDS)
                    .startSpan();
            SpanContext opened = span.getSpanContext();
            if (!opened.isValid()) {
                span.end();
                return null; // a tracer that records nothing: the entity keeps its id, its close replays nothing
            }
            if (!opened.getTraceId().equals(traceId)) {
                warnings.warn("otel:global:trace", "the global OpenTelemetry started a new trace instead of "
                        + "continuing the X-Ray one (a sampler or id generator that ignores the parent?); headers "
                        + "sent downstream name the X-Ray trace");
            }
            LiveSpan entry = new LiveSpan(span, block ? Context.current().with(span).makeCurrent() : null);
            live.put(opened.getSpanId(), entry);
            return opened.getSpanId();
        } catch (RuntimeException | LinkageError failure) {
            warnings.warn("otel:global:open:" + failure.getClass().getName(), "could not open a span through the "
                    + "global OpenTelemetry for '" + subsegment.getName() + "'; it is sent when it ends", failure);
            return null;
        }
    }

    /**
     * Where a new span goes: under the current span of OpenTelemetry's context when that is not one of ours and
     * belongs to the same trace (a span the team's instrumentation opened inside one of our blocks, or around the
     * call); else under the live span of the entity it was opened in (the current span may be an ancestor of it, as
     * for a subsegment under an SDK call, which is never current, or belong to another thread's work, as for a
     * {@code TraceContext} carried here); else under that entity as a remote parent (Lambda's function segment, named
     * by the trace header).
     */
    private Context parentContext(String traceId, Entity parent) {
        Context current = Context.current();
        SpanContext currentSpan = Span.fromContext(current).getSpanContext();
        boolean sameTrace = currentSpan.isValid() && currentSpan.getTraceId().equals(traceId);
        LiveSpan enclosing = live.get(parent.getId());
        boolean enclosingOpen = enclosing != null && !enclosing.ended;
        if (sameTrace && (!enclosingOpen || !live.containsKey(currentSpan.getSpanId()))) {
            return current;
        }
        if (enclosingOpen) {
            return current.with(enclosing.span);
        }
        return current.with(remote(traceId, parent));
    }

    /** {@code entity} as a parent known only by its ids: Lambda's function segment, or an entity without a span. */
    private static Span remote(String traceId, Entity entity) {
        return Span.wrap(SpanContext.createFromRemoteParent(traceId, entity.getId().toLowerCase(Locale.ROOT),
                TraceFlags.getSampled(), TraceState.getDefault()));
    }

    @Override
    public void close(Subsegment subsegment) {
        try {
            LiveSpan own = live.get(subsegment.getId());
            if (own == null) {
                replayWhole(subsegment); // its span could not be opened: it is not lost
                return;
            }
            if (own.ended) {
                return; // ended already, with its parent, after a stack overflow left it open
            }
            end(subsegment, own);
            LiveSpan enclosing = live.get(subsegment.getParent().getId());
            if (enclosing == null || enclosing.ended) {
                forget(subsegment); // the outermost live one of its tree: nothing will look its spans up again
                flush.flush();
            }
        } catch (Exception | LinkageError failure) {
            warnings.warn("otel:global:close:" + failure.getClass().getName(), "could not end the span of '"
                    + subsegment.getName() + "' through the global OpenTelemetry", failure);
        }
    }

    private void end(Subsegment subsegment, LiveSpan own) {
        try {
            List<SpanData> converted = DocumentSpans.of(
                    DocumentWriter.standaloneSubsegment(subsegment, Shape.WITHOUT_CHILDREN, warnings), Resource.empty());
            if (!converted.isEmpty()) {
                SpanFinish.apply(own.span, converted.get(0));
            }
            for (Subsegment child : subsegment.getSubsegmentsCopy()) {
                LiveSpan childSpan = live.get(child.getId());
                if (childSpan == null) {
                    SpanFinish.replay(tracer, documentSpans(child), Context.root().with(own.span));
                } else if (!childSpan.ended && !child.isInProgress()) {
                    end(child, childSpan); // ended without closing (a stack overflow): its span ends with it here
                }
            }
        } catch (Exception | LinkageError failure) {
            warnings.warn("otel:global:record:" + failure.getClass().getName(), "could not put all of '"
                    + subsegment.getName() + "' on its span", failure);
        } finally {
            own.ended = true;
            try {
                own.span.end(DocumentSpans.nanos(endTime(subsegment)), TimeUnit.NANOSECONDS);
            } finally {
                own.leave(); // even when a span processor threw: the context is never left pointing at it
            }
        }
    }

    private static double endTime(Subsegment subsegment) {
        return subsegment.getEndTime() > 0 ? subsegment.getEndTime() : System.currentTimeMillis() / 1000d;
    }

    private void replayWhole(Subsegment subsegment) throws IOException {
        Entity parent = subsegment.getParent();
        LiveSpan enclosing = live.get(parent.getId());
        String traceId = XrayIds.traceIdOf(subsegment.getParentSegment().getTraceId().toString());
        Context under = enclosing != null ? Context.root().with(enclosing.span)
                : traceId == null ? Context.root() : Context.root().with(remote(traceId, parent));
        SpanFinish.replay(tracer, documentSpans(subsegment), under);
        flush.flush();
    }

    private List<SpanData> documentSpans(Subsegment subsegment) throws IOException {
        return DocumentSpans.of(DocumentWriter.standaloneSubsegment(subsegment, Shape.WHOLE, warnings),
                Resource.empty());
    }

    /** Drops the ended spans of this tree; one still open (late asynchronous work) forgets itself when it ends. */
    private void forget(Subsegment subsegment) {
        LiveSpan own = live.get(subsegment.getId());
        if (own != null && own.ended) {
            live.remove(subsegment.getId());
            for (Subsegment child : subsegment.getSubsegmentsCopy()) {
                forget(child);
            }
        }
    }
}
