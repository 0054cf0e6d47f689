package dev.xraytracing.lambda.internal;

import dev.xraytracing.internal.TracerCore;
import dev.xraytracing.internal.config.ConfigKey;
import dev.xraytracing.internal.config.Configuration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What one execution environment knows about itself: whether its first invocation is still to come, how it was
 * initialized, and when its JVM started. One instance per tracer (the process-wide default tracer's stands for the
 * real environment); the test kit gives each simulated environment a tracer, and so an environment, of its own.
 */
public final class LambdaEnvironment {
    /** Set by Lambda to {@code on-demand}, {@code provisioned-concurrency} or {@code snap-start}. */
    public static final String INITIALIZATION_TYPE_VARIABLE = ConfigKey.INITIALIZATION_TYPE.environmentVariables().get(0);
    public static final String ON_DEMAND = "on-demand";
    public static final String PROVISIONED_CONCURRENCY = "provisioned-concurrency";
    public static final String SNAP_START = "snap-start";

    private final boolean onDemand;
    private final boolean snapStart;
    private final AtomicBoolean firstInvocationPending = new AtomicBoolean(true);
    private volatile long jvmStartMillis = -1;

    public LambdaEnvironment(String initializationType) {
        // Only provisioned concurrency and SnapStart restores initialise ahead of the first request; anything else,
        // including no variable at all (older runtimes, a local run), pays the init on the first invocation.
        this.onDemand = !PROVISIONED_CONCURRENCY.equals(initializationType) && !SNAP_START.equals(initializationType);
        this.snapStart = SNAP_START.equals(initializationType);
    }

    /** The environment of {@code core}'s tracer, as its configuration describes it unless one was installed. */
    public static LambdaEnvironment of(TracerCore core) {
        // No lambdas here: each costs a spun class on a cold start (docs/benchmarks.md).
        LambdaEnvironment existing = core.existingComponent(LambdaEnvironment.class);
        return existing != null ? existing : core.installComponent(LambdaEnvironment.class,
                new LambdaEnvironment(core.configuration().value(ConfigKey.INITIALIZATION_TYPE)));
    }

    /** Gives {@code core}'s tracer this environment, unless it already has one; returns the one it has. */
    public static LambdaEnvironment install(TracerCore core, LambdaEnvironment environment) {
        return core.installComponent(LambdaEnvironment.class, environment);
    }

    /**
     * Claims the first invocation. True exactly once per on-demand environment, for whichever invocation comes
     * first, whether or not it is traced or succeeds; false for every other and in pre-initialised environments.
     */
    public boolean claimColdStart() {
        boolean first = firstInvocationPending.get() && firstInvocationPending.compareAndSet(true, false);
        return first && onDemand;
    }

    /** Whether this environment's init runs once, into a SnapStart snapshot that many environments restore. */
    public boolean snapStart() {
        return snapStart;
    }

    /**
     * After a SnapStart restore: the next invocation is this environment's first again, even if the function's own
     * priming invoked the handler before the snapshot.
     */
    public void restored() {
        firstInvocationPending.set(true);
    }

    /** Whether this environment was initialised ahead of its requests (provisioned concurrency, SnapStart). */
    public boolean initializesAhead() {
        return !onDemand;
    }

    /**
     * Whether an on-demand environment prepares tracing on a background thread ({@code XRAY_TRACING_INIT_WARM_UP},
     * see {@link InitWarmUp}): by default only where the JVM sees more than one CPU. On one, the thread takes the CPU
     * from the function's own init for the same work the first invocation would do, so it only adds a thread
     * (docs/benchmarks.md). Decided here, so that a one-CPU cold start does not load {@link InitWarmUp} to say no.
     */
    static boolean warmUpInBackground(Configuration configuration, int processors) {
        String setting = configuration.value(ConfigKey.INIT_WARM_UP);
        switch (setting == null ? "auto" : setting.trim().toLowerCase(Locale.ROOT)) {
            case "on":
            case "true":
                return true;
            case "off":
            case "false":
                return false;
            default:
                return processors > 1;
        }
    }

    /** Milliseconds from JVM start until now: the init duration, when asked on the cold-start invocation. */
    public long millisSinceJvmStart() {
        return Math.max(0, System.currentTimeMillis() - jvmStartMillis());
    }

    /** When the JVM's process started (epoch millis); read once (see {@link ProcessStart}). */
    long jvmStartMillis() {
        long start = jvmStartMillis;
        if (start < 0) {
            start = ProcessStart.epochMillis();
            jvmStartMillis = start;
        }
        return start;
    }
}
