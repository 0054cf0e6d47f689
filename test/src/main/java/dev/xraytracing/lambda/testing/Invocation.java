package dev.xraytracing.lambda.testing;

import dev.xraytracing.trace.RecordedTrace;
import dev.xraytracing.trace.TraceDocuments;
import java.util.List;

/** How one simulated invocation went: its output or exception, its trace header, and the documents it emitted. */
public final class Invocation<O> {
    private final O output;
    private final Throwable thrown;
    private final String traceHeader;
    private final String requestId;
    private final List<String> documents;

    Invocation(O output, Throwable thrown, String traceHeader, String requestId, List<String> documents) {
        this.output = output;
        this.thrown = thrown;
        this.traceHeader = traceHeader;
        this.requestId = requestId;
        this.documents = List.copyOf(documents);
    }

    /** What the handler returned; fails if it threw. */
    public O output() {
        if (thrown != null) {
            throw new AssertionError("the handler threw " + thrown, thrown);
        }
        return output;
    }

    /** What the handler threw, exactly as thrown, or null. */
    public Throwable thrown() {
        return thrown;
    }

    public boolean threw() {
        return thrown != null;
    }

    /** The trace header the runtime passed, or null for an invocation without one. */
    public String traceHeader() {
        return traceHeader;
    }

    public String requestId() {
        return requestId;
    }

    /** The documents this invocation emitted, as sent; none for an unsampled or untraced invocation. */
    public List<String> documents() {
        return documents;
    }

    /** This invocation's trace (the handler subsegment and everything under it); fails if nothing was emitted. */
    public RecordedTrace trace() {
        List<RecordedTrace> traces = TraceDocuments.assemble(documents);
        if (traces.size() != 1) {
            throw new AssertionError("expected this invocation to emit one trace, found " + traces.size());
        }
        return traces.get(0);
    }
}
