package dev.xraytracing.local.internal.lambda;

import dev.xraytracing.local.app.LocalFunction;
import dev.xraytracing.local.app.RuntimeLoop;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each function's execution environments, as Lambda scales a function out: an invocation takes an idle warm one, or a
 * new one started on demand under the runtime loop the settings ask for (falling back to the pure-Java loop where the
 * runtime interface client's native library does not load), so concurrent invocations, a function's call to itself
 * among them, each run in an environment of their own. Each is kept warm or retired after one invocation; all are
 * stopped on close.
 */
final class FunctionEnvironments implements AutoCloseable {
    private static final long INIT_TIMEOUT_MILLIS = 120_000;
    private static final ExecutionEnvironment.InitOutcome READY_NOW =
            new ExecutionEnvironment.InitOutcome(ExecutionEnvironment.InitState.READY, 0, null, null);

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

    /** The function's environments, or null for an unknown function. */
    FunctionState state(String functionName) {
        return functions.get(functionName);
    }

    Map<String, String> runtimes() {
        return Map.copyOf(runtimes);
    }

    /** Starts one environment for each function that has none yet, all at once. */
    void prewarm() {
        functions.values().parallelStream().forEach(state -> {
            synchronized (state) {
                if (!state.idle.isEmpty() || state.leased > 0) {
                    return;
                }
                state.leased++;
            }
            Lease lease = startLeased(state);
            release(state, lease.environment(), lease.init().state() == ExecutionEnvironment.InitState.READY);
        });
    }

    /**
     * An environment for one invocation, as Lambda finds one: an idle warm one (the most recently used), else a new JVM
     * once its init phase ended, up to {@code maxEnvironments} at once; past that, the invocation waits for one to be
     * free. The caller gives it back with {@link #release} or {@link #retire} on every path. Null when the function's
     * reserved concurrency is taken: Lambda refuses the invocation then, it does not wait.
     */
    Lease acquire(FunctionState state) throws InterruptedException {
        synchronized (state) {
            if (state.function.reservedConcurrency().isPresent()
                    && state.leased >= state.function.reservedConcurrency().getAsInt()) {
                return null;
            }
            while (true) {
                ExecutionEnvironment warm;
                while ((warm = state.idle.pollFirst()) != null) {
                    if (warm.isAlive()) {
                        state.leased++;
                        return new Lease(warm, READY_NOW, false);
                    }
                    state.live.remove(warm);
                    warm.close();
                }
                if (state.leased < settings.maxEnvironments()) {
                    state.leased++;
                    break;
                }
                if (!state.waitSaid) {
                    state.waitSaid = true;
                    int most = settings.maxEnvironments();
                    settings.output().accept("xray-tracing-local: " + state.function.name() + " has " + most
                            + (most == 1 ? " environment" : " environments") + " busy, the most this run starts for "
                            + "one function; further invocations wait for one to be free (Lambda would start more)");
                }
                state.wait();
            }
        }
        return startLeased(state);
    }

    /** {@link #start}, giving the lease back should the JVM not even start, so no invocation waits for it. */
    private Lease startLeased(FunctionState state) {
        try {
            return start(state);
        } catch (RuntimeException | Error e) {
            synchronized (state) {
                state.leased--;
                state.notifyAll();
            }
            throw e;
        }
    }

    /** A new JVM for the function, counted as leased; its init phase has ended when this returns. */
    private Lease start(FunctionState state) {
        boolean pureJava;
        String reason;
        synchronized (state) {
            pureJava = state.pureJava || settings.runtimeLoop() == RuntimeLoop.PURE_JAVA;
            reason = settings.runtimeLoop() == RuntimeLoop.PURE_JAVA ? "forced" : state.fallbackReason;
        }
        Path nativeLibrary = null;
        if (!pureJava) {
            nativeLibrary = settings.nativeLibrary() != null ? settings.nativeLibrary() : NativeLibrary.path();
            if (nativeLibrary == null && settings.runtimeLoop() == RuntimeLoop.AUTO) {
                pureJava = true;
                reason = NativeLibrary.unavailableReason();
            }
        }
        ExecutionEnvironment environment = new ExecutionEnvironment(state.function,
                childClasspaths.get(state.function.name()), platformEnvironment, pureJava,
                nativeLibrary, settings.output());
        int others;
        synchronized (state) {
            state.live.add(environment);
            others = state.live.size() - 1;
        }
        ExecutionEnvironment.InitOutcome init = environment.awaitInit(INIT_TIMEOUT_MILLIS);
        if (init.state() == ExecutionEnvironment.InitState.NATIVE_UNAVAILABLE
                && settings.runtimeLoop() == RuntimeLoop.AUTO) {
            close(state, environment);
            synchronized (state) {
                state.pureJava = true;
                state.fallbackReason = "the runtime interface client's native library did not load: "
                        + Text.firstLine(init.detail());
            }
            return start(state);
        }
        String runtime = pureJava ? "pure-Java runtime loop (" + reason + ")" : "AWS runtime interface client";
        runtimes.put(state.function.name(), runtime);
        settings.output().accept(String.format(Locale.ROOT, "xray-tracing-local: %s started under the %s, init %s%s",
                state.function.name(), runtime, init.state() == ExecutionEnvironment.InitState.READY
                        ? String.format(Locale.ROOT, "%.0f ms", init.initNanos() / 1e6) : "failed",
                others == 0 ? "" : " (environment " + (others + 1) + ": the others were busy)"));
        return new Lease(environment, init, true);
    }

    /** Whether the function's JVMs are kept for the next invocation: its own setting, else the platform's. */
    boolean keepsWarm(LocalFunction function) {
        return function.keepWarm().orElse(settings.keepWarm());
    }

    /**
     * Gives a leased environment back: idle and warm for the next invocation when {@code keep}, else stopped now (after
     * a failed init, a crash or a timeout), so the next invocation starts a new one.
     */
    void release(FunctionState state, ExecutionEnvironment environment, boolean keep) {
        boolean idle = keep && environment.isAlive();
        if (!idle) {
            close(state, environment);
        }
        synchronized (state) {
            state.leased--;
            if (idle) {
                state.idle.addFirst(environment);
            }
            state.notifyAll();
        }
    }

    /**
     * Gives a leased environment back out of service, so the next invocation starts a new JVM, and stops it once its
     * runtime polled again (the end of the invocation's Overhead).
     */
    void retire(FunctionState state, ExecutionEnvironment environment, Invocation lastInvocation) {
        retired.add(environment);
        synchronized (state) {
            state.live.remove(environment);
            state.leased--;
            state.notifyAll();
        }
        lastInvocation.nextPolledNanos().whenComplete((polled, error) -> {
            environment.close();
            retired.remove(environment);
        });
    }

    private static void close(FunctionState state, ExecutionEnvironment environment) {
        environment.close();
        synchronized (state) {
            state.live.remove(environment);
        }
    }

    @Override
    public void close() {
        functions.values().parallelStream().forEach(state -> {
            List<ExecutionEnvironment> all;
            synchronized (state) {
                all = List.copyOf(state.live);
                state.live.clear();
                state.idle.clear();
            }
            all.forEach(ExecutionEnvironment::close);
        });
        retired.parallelStream().forEach(ExecutionEnvironment::close);
        retired.clear();
    }

    /** One invocation's environment; {@code cold} when it was started for it, {@code init} how its init phase ended. */
    record Lease(ExecutionEnvironment environment, ExecutionEnvironment.InitOutcome init, boolean cold) {
    }

    /** A function's environments: every live one, the idle ones (most recently used first), how many are leased. */
    static final class FunctionState {
        final LocalFunction function;
        final Set<ExecutionEnvironment> live = new HashSet<>();
        final Deque<ExecutionEnvironment> idle = new ArrayDeque<>();
        int leased;
        boolean waitSaid;
        boolean pureJava;
        String fallbackReason;

        FunctionState(LocalFunction function) {
            this.function = function;
        }
    }
}
