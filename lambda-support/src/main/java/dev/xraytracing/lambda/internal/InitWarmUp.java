package dev.xraytracing.lambda.internal;

import dev.xraytracing.internal.TracerCore;
import dev.xraytracing.sdk.internal.ResourceTable;

/**
 * What the first traced invocation of an on-demand environment would otherwise do on the caller's clock, done during
 * the init phase on a background thread, while the handler's constructor builds its clients on the main thread:
 * building the recorder (the X-Ray SDK's builder always makes a sampling strategy and an emitter) and initialising the
 * X-Ray entity classes, whose static initialisers set up commons-logging and a Jackson {@code ObjectMapper}, and our
 * own classes on that path, with the AWS resource table read from its files. It only
 * loads and builds what the invocation would build anyway; it records and sends nothing. An invocation that arrives
 * earlier waits for the recorder instead of building a second one ({@link TracerCore#recorder()} builds it once).
 */
final class InitWarmUp {
    /** Loaded in the order a first traced invocation loads them. */
    private static final String[] ENTITY_CLASSES = {
        "com.amazonaws.xray.entities.TraceHeader",
        "com.amazonaws.xray.entities.EntityImpl",
        "com.amazonaws.xray.entities.FacadeSegment",
        "com.amazonaws.xray.entities.SubsegmentImpl",
        // ours, on the path of a traced invocation and of a traced SDK call
        "dev.xraytracing.internal.Spans",
        "dev.xraytracing.internal.Annotations",
        "dev.xraytracing.internal.Outcomes",
        "dev.xraytracing.Tracing",
        "dev.xraytracing.sdk.internal.SdkCallTracer",
        "dev.xraytracing.internal.emit.DocumentWriter",
    };

    private InitWarmUp() {
    }

    static void startInBackground(TracerCore core) {
        Thread thread = new Thread(() -> run(core), "xray-tracing-init");
        thread.setDaemon(true); // never keeps a JVM alive
        thread.start();
    }

    static void run(TracerCore core) {
        try {
            ClassLoader loader = InitWarmUp.class.getClassLoader();
            for (String entity : ENTITY_CLASSES) {
                Class.forName(entity, true, loader);
            }
            core.recorder();
            ResourceTable.of(core).subsegmentName("Lambda"); // reads the AWS resource table's files
            LambdaEnvironment.of(core).jvmStartMillis();
        } catch (Throwable failure) {
            core.warnings().warn("lambda:warm-up:" + failure.getClass().getName(),
                    "could not prepare tracing during init; the first traced invocation will", failure);
        }
    }
}
