package dev.xraytracing.internal;

import com.amazonaws.xray.AWSXRayRecorder;
import dev.xraytracing.internal.emit.UdpSink;
import java.util.function.Supplier;

/**
 * The library's only global state, behind one seam: the warnings already logged, the status readers, and the recorder
 * used when a trace starts from the Lambda runtime's header. {@link #reset()} puts it back as a fresh process would
 * have it; a thread can use its own recorder (the test kit does) without touching anyone else's.
 */
public final class TracingState {
    private static volatile TracingState current = new TracingState();
    private static final ThreadLocal<AWSXRayRecorder> THREAD_RECORDER = new ThreadLocal<>();

    private final WarnOnce warnings = new WarnOnce();
    private final StatusReaders statusReaders = new StatusReaders();
    private volatile Supplier<AWSXRayRecorder> recorderFactory = () -> Recorders.lean(UdpSink.fromEnvironment());
    private volatile AWSXRayRecorder recorder;
    private volatile LambdaHeader lastLambdaHeader;

    private TracingState() {
    }

    public static TracingState get() {
        return current;
    }

    /** Forgets all state: logged warnings, registered status readers, the built recorder. */
    public static void reset() {
        current = new TracingState();
    }

    public WarnOnce warnings() {
        return warnings;
    }

    public StatusReaders statusReaders() {
        return statusReaders;
    }

    /** The recorder for traces that start here: this thread's own if it has one, else the shared one, built lazily. */
    public AWSXRayRecorder recorder() {
        AWSXRayRecorder own = THREAD_RECORDER.get();
        if (own != null) {
            return own;
        }
        AWSXRayRecorder shared = recorder;
        if (shared == null) {
            synchronized (this) {
                shared = recorder;
                if (shared == null) {
                    shared = recorderFactory.get();
                    recorder = shared;
                }
            }
        }
        return shared;
    }

    /** The Lambda trace header parsed last, reused while the invocation's header is the same string. */
    LambdaHeader lastLambdaHeader() {
        return lastLambdaHeader;
    }

    void rememberLambdaHeader(LambdaHeader parsed) {
        lastLambdaHeader = parsed;
    }

    /** Replaces how the shared recorder is built (the local platform and benchmarks send documents elsewhere). */
    public synchronized void useRecorder(Supplier<AWSXRayRecorder> factory) {
        recorderFactory = factory;
        recorder = null;
    }

    /** Makes {@code recorder} this thread's own until the returned scope closes. */
    public static Scope useOnThisThread(AWSXRayRecorder recorder) {
        AWSXRayRecorder previous = THREAD_RECORDER.get();
        THREAD_RECORDER.set(recorder);
        return () -> {
            if (previous == null) {
                THREAD_RECORDER.remove();
            } else {
                THREAD_RECORDER.set(previous);
            }
        };
    }

    /** Something to undo; closing it never throws. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
