package dev.xraytracing.sdk.internal;

import dev.xraytracing.internal.TracerCore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * On one CPU, what the end of a cold invocation loads (the SDK call's outcome and status readers, the document
 * writer, the sink's socket and encoder) is prepared on a background thread while the first traced AWS SDK call of
 * the environment waits for its answer. The CPU is idle during that wait, so the work leaves the caller's clock
 * without competing with the function's own init, which a background thread during init would do on one CPU.
 * lambda-support arms it at init ({@link #arm}); each tracer runs it at most once. It loads and opens only what the
 * invocation would anyway, and sends nothing.
 */
public final class CallWaitWarmUp implements Runnable {
    /** Loaded in the order the end of a traced SDK call loads them. */
    private static final String[] CLASSES = {
        "dev.xraytracing.sdk.internal.SdkCallOutcome",
        "dev.xraytracing.internal.Outcomes",
        "dev.xraytracing.internal.status.StatusReaders",
        "dev.xraytracing.status.CallStatus",
        "dev.xraytracing.internal.status.StatusRecording",
        "dev.xraytracing.internal.StatusFlags",
    };

    private final TracerCore core;
    private final AtomicBoolean started = new AtomicBoolean();

    private CallWaitWarmUp(TracerCore core) {
        this.core = core;
    }

    /** Makes {@code core}'s first traced SDK call start the warm-up when its request goes out. */
    public static void arm(TracerCore core) {
        core.installComponent(CallWaitWarmUp.class, new CallWaitWarmUp(core));
    }

    /** Whether {@code core} was armed and has not started its warm-up yet. */
    public static boolean pending(TracerCore core) {
        CallWaitWarmUp armed = core.existingComponent(CallWaitWarmUp.class);
        return armed != null && !armed.started.get();
    }

    /** Called as a traced call's request goes out: starts the warm-up the first time, if armed. Never throws. */
    static void onRequestSent(TracerCore core) {
        try {
            CallWaitWarmUp armed = core.existingComponent(CallWaitWarmUp.class);
            if (armed != null && !armed.started.get() && armed.started.compareAndSet(false, true)) {
                Thread thread = new Thread(armed, "xray-tracing-call-wait");
                thread.setDaemon(true); // never keeps a JVM alive
                thread.start();
            }
        } catch (Throwable failure) {
            core.warnings().warn("sdk:call-wait:" + failure.getClass().getName(),
                    "could not start preparing the end of the first traced call; the invocation's end will", failure);
        }
    }

    @Override
    public void run() {
        try {
            // Each step yields first: while the caller's thread still has work before its request is on the wire
            // (opening the connection, writing), it runs first; once it waits for the answer, nothing else runs.
            ClassLoader loader = CallWaitWarmUp.class.getClassLoader();
            for (String name : CLASSES) {
                Thread.yield();
                Class.forName(name, true, loader);
            }
            Thread.yield();
            core.emitter().prepare();
        } catch (Throwable failure) {
            core.warnings().warn("sdk:call-wait:" + failure.getClass().getName(),
                    "could not prepare the end of the first traced call; the invocation's end will", failure);
        }
    }
}
