package dev.xraytracing.testing;

import dev.xraytracing.trace.RecordedTrace;
import dev.xraytracing.trace.TraceDocuments;
import dev.xraytracing.trace.Waterfall;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Keeps every emitted document in memory, as the exact JSON the UDP emitter would send, so tests check the real wire
 * shape. Safe to use from many threads.
 */
public final class InMemoryEmitter {
    private final List<String> documents = new CopyOnWriteArrayList<>();

    /** Keeps one document; a tracer built with {@code documents(emitter::send)} sends here. */
    public void send(String document) {
        documents.add(document);
    }

    /**
     * Where a tracer of the test kit sends: straight here on the X-Ray backend; with
     * {@code XRAY_TRACING_BACKEND=opentelemetry} (docs/configuration.md) through spans and back into the documents X-Ray would
     * make of them, so that the same assertions hold on either backend.
     */
    public Consumer<String> sink() {
        return KitBackend.route(this::send);
    }

    /** Every document so far, in the order sent. */
    public List<String> documents() {
        return new ArrayList<>(documents);
    }

    /** The documents read into traces, in the order each trace first appeared. */
    public List<RecordedTrace> traces() {
        return TraceDocuments.assemble(documents);
    }

    /** The one trace sent so far; fails when there is none or more than one. */
    public RecordedTrace trace() {
        List<RecordedTrace> traces = traces();
        if (traces.size() != 1) {
            StringBuilder message = new StringBuilder("expected exactly one trace, found " + traces.size());
            traces.forEach(trace -> message.append('\n').append(Waterfall.render(trace)));
            throw new AssertionError(message.toString());
        }
        return traces.get(0);
    }

    public void clear() {
        documents.clear();
    }
}
