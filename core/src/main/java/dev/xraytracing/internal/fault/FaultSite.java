package dev.xraytracing.internal.fault;

import com.amazonaws.xray.entities.Entity;
import dev.xraytracing.internal.TracerCore;
import java.util.Iterator;
import java.util.ServiceLoader;
import java.util.function.Function;

/**
 * Where the call sites reach the fault hook. {@link #PRESENT} is a constant: without the faults module on the class
 * path the JIT drops every call site; with it, a tracer that has no faults configured costs one field read.
 */
public final class FaultSite {
    private static final FaultHook.Provider PROVIDER = load();
    /** Whether the faults module is on the class path. */
    public static final boolean PRESENT = PROVIDER != null;
    /**
     * Built once, and only with the module present. A named class, no method reference: each lambda costs a spun class
     * on a cold start (docs/benchmarks.md).
     */
    private static final Function<TracerCore, FaultHook> CREATE = PRESENT ? new Create() : null;

    private FaultSite() {
    }

    private static FaultHook.Provider load() {
        try {
            Iterator<FaultHook.Provider> found = ServiceLoader.load(FaultHook.Provider.class,
                    FaultSite.class.getClassLoader()).iterator();
            return found.hasNext() ? found.next() : null;
        } catch (Throwable failure) {
            // A broken faults module must not break tracing: no faults then, and it says so.
            try {
                TracerCore.current().warnings().warn("fault:load", "xray-tracing-faults is on the class path but "
                        + "could not be loaded; no fault is injected", failure);
            } catch (Throwable ignored) {
                // Only a warning was at stake.
            }
            return null;
        }
    }

    /** The hook of {@code core}, or null (no faults module, or none configured for it). Never throws. */
    public static FaultHook hook(TracerCore core) {
        if (!PRESENT || core == null) {
            return null;
        }
        try {
            return core.faultHook(CREATE);
        } catch (Throwable failure) {
            core.warnings().warn("fault:hook:" + failure.getClass().getName(),
                    "could not build the fault hook; no faults are injected", failure);
            return null;
        }
    }

    /** Builds a tracer's hook with the module's provider. */
    private static final class Create implements Function<TracerCore, FaultHook> {
        @Override
        public FaultHook apply(TracerCore core) {
            FaultHook hook = PROVIDER.create(core);
            BlockFaultFilter.hookDecided(hook); // its block names published before a site may skip them
            return hook;
        }
    }

    /** The exception a fault rule throws into block {@code name}, or null; never throws itself. */
    public static RuntimeException beforeBlock(String name, Entity subsegment) {
        TracerCore core = null;
        try {
            if (BlockFaultFilter.noBlockFaultFor(name)) {
                return null; // no tracer has a rule for this block: skip finding the tracer and its hook
            }
            core = subsegment != null ? TracerCore.of(subsegment) : TracerCore.current();
            FaultHook hook = hook(core);
            return hook == null ? null : hook.beforeBlock(name, subsegment);
        } catch (Throwable failure) {
            warn(core, failure);
            return null;
        }
    }

    static void warn(TracerCore core, Throwable failure) {
        try {
            (core != null ? core : TracerCore.current()).warnings().warn("fault:" + failure.getClass().getName(),
                    "fault injection failed; the code runs without the fault", failure);
        } catch (Throwable ignored) {
            // Only a warning was at stake.
        }
    }
}
