package dev.xraytracing.otel.internal;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;

/** The live span of one of our subsegments, the context it was made current in, and whether it has ended. */
final class LiveSpan {
    final Span span;
    /** Null for an AWS SDK call, which is never made current (it may end on another thread). */
    final Scope scope;
    final Thread thread;
    volatile boolean ended;

    LiveSpan(Span span, Scope scope) {
        this.span = span;
        this.scope = scope;
        this.thread = Thread.currentThread();
    }

    /** Leaves the context this span was made current in, on the thread that entered it; never elsewhere. */
    void leave() {
        if (scope != null && thread == Thread.currentThread()) {
            scope.close();
        }
    }
}
