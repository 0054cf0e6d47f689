package dev.xraytracing.internal;

import com.amazonaws.xray.AWSXRayRecorder;
import dev.xraytracing.internal.emit.UdpSink;
import dev.xraytracing.sdk.internal.ResourceTable;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The library's only global state, behind one seam: the warnings already logged, the status readers, the AWS SDK resource table, and the recorder
 * used when a trace starts from the Lambda runtime's header. {@link #reset()} puts it back as a fresh process would
 * have it; a thread can use its own recorder (the test kit does) without touching anyone else's.
 */
public final class TracingState {
    private static volatile TracingState current = new TracingState();
    private static final ThreadLocal<AWSXRayRecorder> THREAD_RECORDER = new ThreadLocal<>();
    private static final ThreadLocal<Map<Class<?>, Object>> THREAD_COMPONENTS = new ThreadLocal<>();

    private final WarnOnce warnings = new WarnOnce();
    private final StatusReaders statusReaders = new StatusReaders();
    private final ResourceTable sdkResources = new ResourceTable();
    private volatile Supplier<AWSXRayRecorder> recorderFactory = () -> Recorders.lean(UdpSink.fromEnvironment());
    private volatile AWSXRayRecorder recorder;
    private volatile LocalSampling sampling;
    private final Map<Class<?>, Object> components = new ConcurrentHashMap<>();
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

    /** Which members of AWS SDK calls become aws fields; read from its files on first use. */
    public ResourceTable sdkResources() {
        return sdkResources;
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

    /** The sampling decision for traces that start here, built on first use. */
    public LocalSampling sampling() {
        LocalSampling built = sampling;
        if (built == null) {
            synchronized (this) {
                built = sampling;
                if (built == null) {
                    built = LocalSampling.fromEnvironment(warnings);
                    sampling = built;
                }
            }
        }
        return built;
    }

    /** Decides local sampling from these rules (the X-Ray SDK's local format) from now on. */
    public void useSamplingRules(java.net.URL rules) {
        sampling = new LocalSampling(new com.amazonaws.xray.strategy.sampling.LocalizedSamplingStrategy(rules));
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

    /**
     * The process-wide instance of {@code type} (other modules keep their state here, so that {@link #reset()}
     * forgets it too), built by {@code factory} on first use; or this thread's own, if it set one.
     */
    public <T> T component(Class<T> type, Supplier<? extends T> factory) {
        Map<Class<?>, Object> own = THREAD_COMPONENTS.get();
        if (own != null) {
            Object mine = own.get(type);
            if (mine != null) {
                return type.cast(mine);
            }
        }
        Object shared = components.get(type);
        return type.cast(shared != null ? shared : components.computeIfAbsent(type, key -> factory.get()));
    }

    /** Makes {@code component} this thread's own instance of {@code type} until the returned scope closes. */
    public static <T> Scope useOnThisThread(Class<T> type, T component) {
        Map<Class<?>, Object> own = THREAD_COMPONENTS.get();
        if (own == null) {
            own = new HashMap<>();
            THREAD_COMPONENTS.set(own);
        }
        Object previous = own.put(type, component);
        Map<Class<?>, Object> map = own;
        return () -> {
            if (previous == null) {
                map.remove(type);
                if (map.isEmpty()) {
                    THREAD_COMPONENTS.remove();
                }
            } else {
                map.put(type, previous);
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
