package dev.xraytracing.otel.internal;

import dev.xraytracing.internal.emit.DocumentSink;
import dev.xraytracing.internal.emit.LiveSpans;
import dev.xraytracing.internal.log.WarnOnce;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;

/**
 * The OpenTelemetry backend when a {@code GlobalOpenTelemetry} is already set (the ADOT layer, the Java agent, a team's
 * own SDK): spans go through the global {@code Tracer}, and so through the team's pipeline, instead of an exporter of
 * ours. Our subsegments in Lambda are live spans ({@link JoinedSpans}); a document that still arrives (a trace begun
 * outside Lambda with {@code Tracing.segment}, whose entities are the X-Ray SDK's) is replayed through the same tracer
 * with its recorded times, under new span ids.
 */
public final class GlobalJoinSink implements DocumentSink {
    /** The instrumentation scope our spans carry. */
    static final String SCOPE = "dev.xraytracing";

    private final Tracer tracer;
    private final JoinedSpans spans;
    private final GlobalFlush flush;
    private final WarnOnce warnings;

    GlobalJoinSink(Tracer tracer, GlobalFlush flush, WarnOnce warnings) {
        this.tracer = tracer;
        this.flush = flush;
        this.warnings = warnings;
        this.spans = new JoinedSpans(tracer, flush, warnings);
    }

    /** Joins the global OpenTelemetry; call only when one is set ({@code GlobalOpenTelemetry.isSet()}). */
    public static GlobalJoinSink ofGlobal(WarnOnce warnings) {
        return new GlobalJoinSink(GlobalOpenTelemetry.getTracer(SCOPE),
                GlobalFlush.of(GlobalOpenTelemetry.getTracerProvider(), warnings), warnings);
    }

    @Override
    public LiveSpans liveSpans() {
        return spans;
    }

    @Override
    public void send(String document) {
        try {
            List<SpanData> converted = DocumentSpans.of(document, Resource.empty());
            if (converted.isEmpty()) {
                return;
            }
            SpanData first = converted.get(0);
            Context under = first.getParentSpanContext().isValid()
                    ? Context.root().with(Span.wrap(first.getParentSpanContext())) : Context.root();
            SpanFinish.replay(tracer, converted, under);
            flush.flush();
        } catch (Exception | LinkageError failure) {
            warnings.warn("otel:global:send:" + failure.getClass().getName(), "could not send a finished segment "
                    + "document through the global OpenTelemetry; it was not sent", failure);
        }
    }
}
