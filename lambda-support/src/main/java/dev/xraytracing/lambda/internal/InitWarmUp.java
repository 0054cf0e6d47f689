package dev.xraytracing.lambda.internal;

import dev.xraytracing.internal.TracerCore;
import dev.xraytracing.sdk.internal.ResourceTable;

/**
 * What the first traced invocation of an on-demand environment would otherwise do on the caller's clock, done during
 * the init phase on a background thread, while the handler's constructor builds its clients on the main thread:
 * loading and initialising our classes on the path of a traced invocation and of a traced SDK call, building the
 * emitter and opening its socket, building the AWS resource table and reading the JVM's start time. It only loads and
 * builds what the invocation would build anyway; it records and sends nothing. The X-Ray SDK's recorder and entity
 * classes are not on that path (our lean entities stand in for them), so it does not touch them. Whether it runs on a
 * thread is {@link LambdaEnvironment#warmUpInBackground}'s call.
 */
final class InitWarmUp {
    /** Loaded in the order a first traced invocation loads them. */
    private static final String[] CLASSES = {
        "dev.xraytracing.internal.Spans",
        "dev.xraytracing.internal.LeanFacade",
        "dev.xraytracing.internal.LeanSubsegment",
        "dev.xraytracing.internal.Annotations",
        "dev.xraytracing.internal.Outcomes",
        "dev.xraytracing.Tracing",
        "dev.xraytracing.sdk.internal.SdkCallTracer",
        "dev.xraytracing.sdk.internal.SdkCallOutcome",
        "dev.xraytracing.internal.emit.DocumentWriter",
        "dev.xraytracing.internal.emit.JsonOut",
        "dev.xraytracing.internal.emit.JsonNull",
    };

    private InitWarmUp() {
    }

    static void startInBackground(TracerCore core) {
        Thread thread = new Thread(new Background(core), "xray-tracing-init");
        thread.setDaemon(true); // never keeps a JVM alive
        thread.start();
    }

    /** The warm-up as a thread's task; a named class, not a lambda: that would cost a spun class on the cold path. */
    private static final class Background implements Runnable {
        private final TracerCore core;

        Background(TracerCore core) {
            this.core = core;
        }

        @Override
        public void run() {
            InitWarmUp.run(core);
        }
    }

    static void run(TracerCore core) {
        try {
            ClassLoader loader = InitWarmUp.class.getClassLoader();
            for (String name : CLASSES) {
                Class.forName(name, true, loader);
            }
            core.emitter().prepare(); // the writer's classes, the sink's socket (and encoder)
            ResourceTable.of(core).subsegmentName("Lambda"); // builds the AWS resource table
            LambdaEnvironment.of(core).jvmStartMillis();
        } catch (Throwable failure) {
            core.warnings().warn("lambda:warm-up:" + failure.getClass().getName(),
                    "could not prepare tracing during init; the first traced invocation will", failure);
        }
    }
}
