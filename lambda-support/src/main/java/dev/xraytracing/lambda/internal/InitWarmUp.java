package dev.xraytracing.lambda.internal;

import dev.xraytracing.internal.TracerCore;
import dev.xraytracing.internal.config.ConfigKey;
import dev.xraytracing.internal.config.Configuration;
import dev.xraytracing.sdk.internal.ResourceTable;
import java.util.Locale;

/**
 * What the first traced invocation of an on-demand environment would otherwise do on the caller's clock, done during
 * the init phase on a background thread, while the handler's constructor builds its clients on the main thread:
 * loading and initialising our classes on the path of a traced invocation and of a traced SDK call, building the
 * emitter and opening its socket, reading the AWS resource table's files and the JVM's start time. It only loads and
 * builds what the invocation would build anyway; it records and sends nothing. The X-Ray SDK's recorder and entity
 * classes are not on that path (our lean entities stand in for them), so it does not touch them.
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

    /**
     * Whether an on-demand environment prepares tracing on a background thread ({@code XRAY_TRACING_INIT_WARM_UP}):
     * by default only where the JVM sees more than one CPU. On one, the thread takes the CPU from the function's own
     * init for the same work the first invocation would do, so it only adds a thread (docs/benchmarks.md).
     */
    static boolean inBackground(Configuration configuration, int processors) {
        switch (mode(configuration)) {
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

    private static String mode(Configuration configuration) {
        String setting = configuration.value(ConfigKey.INIT_WARM_UP);
        return setting == null ? "auto" : setting.trim().toLowerCase(Locale.ROOT);
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
            ResourceTable.of(core).subsegmentName("Lambda"); // reads the AWS resource table's files
            LambdaEnvironment.of(core).jvmStartMillis();
        } catch (Throwable failure) {
            core.warnings().warn("lambda:warm-up:" + failure.getClass().getName(),
                    "could not prepare tracing during init; the first traced invocation will", failure);
        }
    }
}
