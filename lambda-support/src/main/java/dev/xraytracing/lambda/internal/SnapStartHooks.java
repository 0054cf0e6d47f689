package dev.xraytracing.lambda.internal;

import dev.xraytracing.internal.TracerCore;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * SnapStart's runtime hooks for one tracer. Before the snapshot: build and load everything a traced invocation needs
 * (so no restored environment pays for it) and close the daemon socket. After each restore: take ids from the
 * kernel's entropy instead of random state that every restored copy shares, and let the next invocation be the
 * environment's first again. Registered only where {@code AWS_LAMBDA_INITIALIZATION_TYPE} is {@code snap-start}.
 */
public final class SnapStartHooks implements Resource {
    private final TracerCore core;

    SnapStartHooks(TracerCore core) {
        this.core = core;
    }

    /**
     * Registers the hooks of {@code core}'s tracer with the JVM's global CRaC context, once per tracer. The context
     * keeps resources only weakly, so the tracer holds the hooks as one of its components.
     */
    public static void register(TracerCore core) {
        try {
            core.component(SnapStartHooks.class, () -> {
                SnapStartHooks hooks = new SnapStartHooks(core);
                Core.getGlobalContext().register(hooks);
                return hooks;
            });
        } catch (Throwable failure) { // org.crac left out of the zip, or a JVM that refuses the registration
            core.warnings().warn("lambda:snapstart:" + failure.getClass().getName(),
                    "could not register the SnapStart hooks; ids after a restore may repeat across environments",
                    failure);
            core.restoredFromSnapshot(); // without the hook, never use ids from memory state
        }
    }

    /** The hooks of {@code core}'s tracer, if they were registered. */
    public static SnapStartHooks of(TracerCore core) {
        return core.component(SnapStartHooks.class, () -> null);
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        try {
            InitWarmUp.run(core);
            core.releaseConnections();
        } catch (Throwable failure) {
            core.warnings().warn("lambda:snapstart:before:" + failure.getClass().getName(),
                    "could not prepare tracing for the snapshot", failure);
        }
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        try {
            core.restoredFromSnapshot();
            core.warnings().forgetLogged();
            LambdaEnvironment.of(core).restored();
        } catch (Throwable failure) {
            core.warnings().warn("lambda:snapstart:after:" + failure.getClass().getName(),
                    "could not reset tracing after the restore", failure);
        }
    }
}
