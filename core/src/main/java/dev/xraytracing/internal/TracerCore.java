package dev.xraytracing.internal;

import com.amazonaws.xray.AWSXRayRecorder;
import com.amazonaws.xray.entities.Entity;
import dev.xraytracing.internal.config.Configuration;
import dev.xraytracing.internal.emit.DocumentEmitter;
import dev.xraytracing.internal.emit.DocumentSink;
import dev.xraytracing.internal.emit.DocumentSinks;
import dev.xraytracing.internal.emit.LiveSpans;
import dev.xraytracing.internal.log.WarnOnce;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Everything one {@code dev.xraytracing.Tracer} owns, in the form the internal machinery receives it: its warnings,
 * status readers, sampling, sink and recorder, the Lambda header it parsed last, and the components other packages
 * keep per tracer (the AWS resource table of {@code sdk.internal}, lambda-support's execution environment).
 *
 * <p>Which tracer serves a call is decided at the entry points, in this order: the tracer that created the current
 * entity (see {@link #of}); else the thread's own tracer, which a test made current; else the process-wide default.
 * Process-wide, besides those: how many tracers were made, which the fault sites' filter
 * ({@code internal.fault.BlockFaultFilter}) compares with the hooks built. Everything else is per tracer.
 */
public final class TracerCore {
    private static final ThreadLocal<TracerCore> THREAD_OWN = new ThreadLocal<>();
    /** How many threads have a tracer of their own: while none has, finding the tracer costs no thread-local read. */
    private static final AtomicInteger THREADS_WITH_OWN = new AtomicInteger();
    private static volatile TracerCore defaultCore;
    /** Every tracer ever made in this process: each has a fault hook to decide (see {@link #faultHook}). */
    private static final AtomicInteger TRACERS_MADE = new AtomicInteger();

    private final WarnOnce warnings;
    private final TypeTable<Object> statusReaders = new TypeTable<>();
    private final Function<WarnOnce, ? extends DocumentSink> sinkFactory;
    private final boolean tracesSdkCalls;
    private final Configuration configuration;
    private final Map<Class<?>, Object> components = new ConcurrentHashMap<>();
    private volatile LocalSampling sampling;
    private volatile AWSXRayRecorder recorder;
    private volatile DocumentEmitter emitter;
    /** The sink's live spans (see {@link LiveSpans}), set before {@link #emitter} is. */
    private volatile LiveSpans liveSpans;
    private volatile SecureRandom secureIds;
    private volatile InvocationParent lastInvocationParent;
    /** The faults module's hook for this tracer once asked for: the hook, or {@link #NO_FAULT_HOOK}. */
    private volatile Object faultHook;
    private static final Object NO_FAULT_HOOK = new Object();
    /**
     * @param sinkFactory   builds where documents go (on first use; it gets this tracer's warnings); null for where
     *                      the environment says ({@link DocumentSinks#fromEnvironment})
     * @param sampling      the rules for traces that start here, or null for those the environment names
     * @param tracesSdkCalls whether the AWS SDK interceptor records calls for this tracer
     * @param configuration the settings this tracer's handlers and switches read (docs/configuration.md)
     */
    public TracerCore(Function<WarnOnce, ? extends DocumentSink> sinkFactory, LocalSampling sampling,
                      boolean tracesSdkCalls, Configuration configuration) {
        this.warnings = new WarnOnce();
        this.sinkFactory = sinkFactory;
        this.sampling = sampling;
        this.tracesSdkCalls = tracesSdkCalls;
        this.configuration = configuration;
        TRACERS_MADE.incrementAndGet();
    }

    /** How many tracers this process has made (each one's fault hook is undecided until built). */
    public static int tracersMade() {
        return TRACERS_MADE.get();
    }

    /** A tracer that reads the process's settings. */
    public TracerCore(Function<WarnOnce, ? extends DocumentSink> sinkFactory, LocalSampling sampling,
                      boolean tracesSdkCalls) {
        this(sinkFactory, sampling, tracesSdkCalls, Configuration.process());
    }

    /** The tracer of this thread: its own if a test made one current, else the process-wide default. */
    public static TracerCore current() {
        if (THREADS_WITH_OWN.get() != 0) {
            TracerCore own = THREAD_OWN.get();
            if (own != null) {
                return own;
            }
        }
        TracerCore shared = defaultCore;
        return shared != null ? shared : buildDefault();
    }

    /** The tracer this thread was given with {@link #makeCurrent()}, or null when it uses the default. */
    public static TracerCore threadOwn() {
        return THREADS_WITH_OWN.get() != 0 ? THREAD_OWN.get() : null;
    }

    /** The tracer that created {@code entity}; for an entity of another recorder (the X-Ray SDK's), {@link #current()}. */
    public static TracerCore of(Entity entity) {
        if (entity instanceof LeanEntity lean) {
            return lean.core;
        }
        AWSXRayRecorder creator = entity.getCreator();
        return creator instanceof CoreRecorder ? ((CoreRecorder) creator).core : current();
    }

    /** Makes {@code core} the process-wide default. */
    public static void setDefault(TracerCore core) {
        defaultCore = core;
    }

    /** A tracer configured only by the environment: the daemon it names, its sampling rules, its SDK switch. */
    public static TracerCore fromEnvironment() {
        // null, not DocumentSinks::fromEnvironment: a method reference costs a spun class on a cold start
        return new TracerCore(null, null, InterceptorSwitch.enabled(), Configuration.process());
    }

    private static synchronized TracerCore buildDefault() {
        if (defaultCore == null) {
            defaultCore = fromEnvironment();
        }
        return defaultCore;
    }

    /** Makes this tracer the current thread's own until the returned scope closes; scopes nest. */
    public Scope makeCurrent() {
        TracerCore previous = THREAD_OWN.get();
        THREAD_OWN.set(this);
        if (previous == null) {
            THREADS_WITH_OWN.incrementAndGet();
        }
        return () -> {
            if (previous == null) {
                THREAD_OWN.remove();
                THREADS_WITH_OWN.decrementAndGet();
            } else {
                THREAD_OWN.set(previous);
            }
        };
    }

    /**
     * Whether the current tracer has tracing switched off ({@code XRAY_TRACING_ENABLED=false}). Until any
     * configuration of this process has said "off" this costs one volatile read, so hot paths pay nothing more.
     */
    public static boolean tracingOffHere() {
        return Configuration.offSeen() && current().tracingOff();
    }

    /** Whether this tracer has tracing switched off. */
    public boolean tracingOff() {
        return Configuration.offSeen() && !configuration.tracingEnabled();
    }

    /** The settings of this tracer: the process's unless it was built with its own. */
    public Configuration configuration() {
        return configuration;
    }

    public WarnOnce warnings() {
        return warnings;
    }

    /**
     * The user's status readers by result type. The values are {@code dev.xraytracing.status.StatusReader}s; this
     * package sits below {@code status} and cannot name them, {@code internal.status} reads them.
     */
    public TypeTable<Object> statusReaders() {
        return statusReaders;
    }

    public boolean tracesSdkCalls() {
        return tracesSdkCalls;
    }

    /** The recorder for traces that start here, built on first use (once, whichever thread asks first). */
    public AWSXRayRecorder recorder() {
        AWSXRayRecorder built = recorder;
        if (built == null) {
            synchronized (this) {
                built = recorder;
                if (built == null) {
                    built = CoreRecorder.create(this, emitter()); // see create: keeps the SDK's recorder unloaded
                    recorder = built;
                }
            }
        }
        return built;
    }

    /**
     * Where this tracer's documents go, built on first use. Our lean entities send through it without a recorder;
     * the recorder, when something needs one, sends through it too.
     */
    public DocumentEmitter emitter() {
        DocumentEmitter built = emitter;
        if (built == null) {
            synchronized (this) {
                built = emitter;
                if (built == null) {
                    DocumentSink sink = sinkFactory == null ? DocumentSinks.fromEnvironment(warnings)
                            : sinkFactory.apply(warnings);
                    liveSpans = sink.liveSpans();
                    built = new DocumentEmitter(sink, warnings);
                    emitter = built;
                }
            }
        }
        return built;
    }

    /**
     * The live spans this tracer's backend opens for our subsegments, or null (the X-Ray backend, and any backend
     * that takes finished documents). Builds the sink if nothing has yet.
     */
    public LiveSpans liveSpans() {
        if (emitter == null) {
            emitter();
        }
        return liveSpans;
    }

    /** A new entity id for our lean entities (see {@link #restoredFromSnapshot} for where its randomness comes from). */
    String newEntityId() {
        SecureRandom secure = secureIds;
        return secure == null ? EntityIds.fast() : EntityIds.secure(secure);
    }

    /** A new id for something recorded in {@code entity} (an exception): from the generator of whoever made it. */
    public static String newIdFor(Entity entity) {
        return entity instanceof LeanEntity lean ? lean.core.newEntityId()
                : entity.getCreator().getIdGenerator().newEntityId();
    }

    /**
     * Called after a SnapStart restore. Ids then come from {@code SecureRandom}, which reads the kernel's entropy,
     * instead of {@code ThreadLocalRandom}: a thread's random state taken into the snapshot would give every
     * restored environment the same sequence of ids. Also closes the sink's socket, for the same reason.
     */
    public void restoredFromSnapshot() {
        secureIds = new SecureRandom();
        AWSXRayRecorder built = recorder;
        if (built != null) {
            built.useSecureIdGenerator();
        }
        releaseConnections();
    }

    /** Whether this tracer runs in an environment restored from a snapshot (ids must not come from memory state). */
    boolean restoredFromSnapshotAlready() {
        return secureIds != null;
    }

    /** Closes the socket documents go out on, if one is open; the next document opens a new one. */
    public void releaseConnections() {
        DocumentEmitter built = emitter;
        if (built != null) {
            built.release();
        }
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

    /** The Lambda trace header parsed last, reused while the invocation's header is the same string. */
    InvocationParent lastInvocationParent() {
        return lastInvocationParent;
    }

    void rememberInvocationParent(InvocationParent parsed) {
        lastInvocationParent = parsed;
    }

    /** This tracer's instance of {@code type} (other modules keep their per-tracer state here), built on first use. */
    public <T> T component(Class<T> type, Supplier<? extends T> factory) {
        Object existing = components.get(type);
        if (existing == null) {
            // A lock, not computeIfAbsent's lambda (a spun class on a cold start): the factory still runs once.
            synchronized (components) {
                existing = components.get(type);
                if (existing == null) {
                    existing = factory.get();
                    if (existing != null) {
                        components.put(type, existing);
                    }
                }
            }
        }
        return type.cast(existing);
    }

    /**
     * Gives this tracer {@code candidate} as its instance of {@code type} unless it has one; returns the one it has.
     * For the cold path, whose callers would otherwise pass a lambda to {@link #component}.
     */
    public <T> T installComponent(Class<T> type, T candidate) {
        Object existing = components.get(type);
        if (existing == null) {
            synchronized (components) {
                existing = components.putIfAbsent(type, candidate);
            }
        }
        return type.cast(existing != null ? existing : candidate);
    }

    /** This tracer's instance of {@code type} if something put one there, else null; builds nothing. */
    public <T> T existingComponent(Class<T> type) {
        return type.cast(components.get(type));
    }

    /**
     * This tracer's fault hook ({@code internal.fault}), built by {@code factory} on first use; null when it has none.
     * Typed loosely so that this package does not name the one above it.
     */
    @SuppressWarnings("unchecked")
    public <H> H faultHook(Function<TracerCore, H> factory) {
        Object hook = faultHook;
        if (hook == null) {
            synchronized (this) {
                hook = faultHook;
                if (hook == null) {
                    H built = factory.apply(this);
                    hook = built != null ? built : NO_FAULT_HOOK;
                    faultHook = hook;
                }
            }
        }
        return hook == NO_FAULT_HOOK ? null : (H) hook;
    }

    /** Whether {@link #faultHook} was asked for already (its answer, hook or none, is then fixed). */
    public boolean faultHookDecided() {
        return faultHook != null;
    }

    /** Something to undo; closing it never throws. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
