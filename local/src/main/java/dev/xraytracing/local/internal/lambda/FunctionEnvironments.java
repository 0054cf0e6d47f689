package dev.xraytracing.local.internal.lambda;

import dev.xraytracing.local.app.LocalFunction;
import dev.xraytracing.local.app.RuntimeLoop;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each function's execution environment: started on demand under the runtime loop the settings ask for (falling back
 * to the pure-Java loop where the runtime interface client's native library does not load), kept warm or retired after
 * one invocation, and all stopped on close.
 */
final class FunctionEnvironments implements AutoCloseable {
    private static final long INIT_TIMEOUT_MILLIS = 120_000;

    private final PlatformSettings settings;
    private final Map<String, String> platformEnvironment;
    private final Map<String, String> childClasspaths = new ConcurrentHashMap<>();
    private final Map<String, FunctionState> functions = new ConcurrentHashMap<>();
    private final Map<String, String> runtimes = new ConcurrentHashMap<>();
    /** Environments used once (keep-warm off) that still wait for their runtime's next poll. */
    private final Set<ExecutionEnvironment> retired = ConcurrentHashMap.newKeySet();

    FunctionEnvironments(PlatformSettings settings, Map<String, String> platformEnvironment) {
        this.settings = settings;
        this.platformEnvironment = platformEnvironment;
        for (LocalFunction function : settings.functions()) {
            String classpath;
            if (function.taskRoot().isPresent()) {
                classpath = ChildClasspath.runtimeOnly();
                // What the runtime client's class loader will see: the runtime, then the task root in its order.
                List<String> visible = new ArrayList<>(List.of(classpath.split(File.pathSeparator)));
                ChildClasspath.ofTaskRoot(function.taskRoot().get()).forEach(p -> visible.add(p.toString()));
                HandlerCheck.verify(function, String.join(File.pathSeparator, visible));
            } else {
                classpath = ChildClasspath.of(function.classpath().orElse(settings.classpath()));
                HandlerCheck.verify(function, classpath);
            }
            childClasspaths.put(function.name(), classpath);
            functions.put(function.name(), new FunctionState(function));
        }
    }

    /** The function's state (lock it while using its environment), or null for an unknown function. */
    FunctionState state(String functionName) {
        return functions.get(functionName);
    }

    Map<String, String> runtimes() {
        return Map.copyOf(runtimes);
    }

    void prewarm() {
        functions.values().parallelStream().forEach(state -> {
            synchronized (state) {
                ensure(state);
            }
        });
    }

    /** A running environment for the function: the warm one, or a new JVM once its init phase ended. */
    ExecutionEnvironment.InitOutcome ensure(FunctionState state) {
        if (state.environment != null && state.environment.isAlive()) {
            return new ExecutionEnvironment.InitOutcome(ExecutionEnvironment.InitState.READY, 0, null, null);
        }
        discard(state);
        boolean pureJava = state.pureJava || settings.runtimeLoop() == RuntimeLoop.PURE_JAVA;
        Path nativeLibrary = null;
        String reason = settings.runtimeLoop() == RuntimeLoop.PURE_JAVA ? "forced" : state.fallbackReason;
        if (!pureJava) {
            nativeLibrary = settings.nativeLibrary() != null ? settings.nativeLibrary() : NativeLibrary.path();
            if (nativeLibrary == null && settings.runtimeLoop() == RuntimeLoop.AUTO) {
                pureJava = true;
                reason = NativeLibrary.unavailableReason();
            }
        }
        state.environment = new ExecutionEnvironment(state.function,
                childClasspaths.get(state.function.name()), platformEnvironment, pureJava,
                nativeLibrary, settings.output());
        ExecutionEnvironment.InitOutcome init = state.environment.awaitInit(INIT_TIMEOUT_MILLIS);
        if (init.state() == ExecutionEnvironment.InitState.NATIVE_UNAVAILABLE
                && settings.runtimeLoop() == RuntimeLoop.AUTO) {
            state.pureJava = true;
            state.fallbackReason = "the runtime interface client's native library did not load: "
                    + Text.firstLine(init.detail());
            return ensure(state);
        }
        String runtime = pureJava ? "pure-Java runtime loop (" + reason + ")" : "AWS runtime interface client";
        runtimes.put(state.function.name(), runtime);
        settings.output().accept(String.format(Locale.ROOT, "xray-tracing-local: %s started under the %s, init %s",
                state.function.name(), runtime, init.state() == ExecutionEnvironment.InitState.READY
                        ? String.format(Locale.ROOT, "%.0f ms", init.initNanos() / 1e6) : "failed"));
        return init;
    }

    /** Whether the function's JVM is kept for the next invocation: its own setting, else the platform's. */
    boolean keepsWarm(LocalFunction function) {
        return function.keepWarm().orElse(settings.keepWarm());
    }

    /** Stops the function's environment now (after a failure); the next invocation starts a new one. */
    void discard(FunctionState state) {
        if (state.environment != null) {
            state.environment.close();
            state.environment = null;
        }
    }

    /**
     * Takes the environment out of service at once, so the next invocation starts a new JVM, and stops it once its
     * runtime polled again (the end of the invocation's Overhead).
     */
    void retire(FunctionState state, Invocation lastInvocation) {
        ExecutionEnvironment environment = state.environment;
        if (environment == null) {
            return;
        }
        state.environment = null;
        retired.add(environment);
        lastInvocation.nextPolledNanos().whenComplete((polled, error) -> {
            environment.close();
            retired.remove(environment);
        });
    }

    @Override
    public void close() {
        functions.values().parallelStream().forEach(state -> {
            synchronized (state) {
                discard(state);
            }
        });
        retired.parallelStream().forEach(ExecutionEnvironment::close);
        retired.clear();
    }

    /** A function and its current execution environment, if any. */
    static final class FunctionState {
        final LocalFunction function;
        ExecutionEnvironment environment;
        boolean pureJava;
        String fallbackReason;

        FunctionState(LocalFunction function) {
            this.function = function;
        }
    }
}
