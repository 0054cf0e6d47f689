package dev.xraytracing.hostile;

import com.amazonaws.xray.AWSXRayRecorder;
import dev.xraytracing.internal.LocalSampling;
import dev.xraytracing.internal.TracerCore;
import dev.xraytracing.internal.emit.DocumentSink;
import dev.xraytracing.testing.InMemoryEmitter;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Tracers of this suite's own, built around a sink and sampling every segment, and made current on one thread: the
 * suite drives the recorder directly, below the test kit.
 */
final class LeanTracers {
    private static final Map<AWSXRayRecorder, TracerCore> CORES = new WeakHashMap<>();

    private LeanTracers() {
    }

    /** The recorder of a new tracer that sends every document to {@code sink} and samples every segment. */
    static synchronized AWSXRayRecorder lean(DocumentSink sink) {
        TracerCore core = new TracerCore(warnings -> sink,
                LocalSampling.fromRules(LeanTracers.class.getResource("/sample-everything.json")), true);
        AWSXRayRecorder recorder = core.recorder();
        CORES.put(recorder, core);
        return recorder;
    }

    static AWSXRayRecorder lean(InMemoryEmitter emitter) {
        return lean(emitter::send);
    }

    /** Makes the tracer of {@code recorder} (from {@link #lean}) this thread's own until the scope closes. */
    static synchronized TracerCore.Scope makeCurrent(AWSXRayRecorder recorder) {
        return CORES.get(recorder).makeCurrent();
    }
}
