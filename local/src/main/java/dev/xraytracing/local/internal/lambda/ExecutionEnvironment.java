package dev.xraytracing.local.internal.lambda;

import dev.xraytracing.internal.TraceHeader;
import dev.xraytracing.local.app.LocalFunction;
import dev.xraytracing.local.internal.TraceIds;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * One execution environment: a child JVM running a function's handler under a runtime loop, and the Runtime API
 * server it polls. Invocations go through one at a time, as in Lambda.
 */
public final class ExecutionEnvironment implements AutoCloseable {
    public static final String RIC_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
    public static final String PURE_JAVA_MAIN = "dev.xraytracing.local.internal.runtime.PureJavaRuntime";
    /** What the runtime interface client prints when its JNI library does not load. */
    static final String NATIVE_FAILURE = "Failed to load the native runtime interface client library";
    /** What a JVM prints when a library named by the client's JNI property does not load. */
    static final String LINK_ERROR = "java.lang.UnsatisfiedLinkError";
    private static final int KEPT_LINES = 40;

    /** How the environment's init phase ended. */
    public enum InitState { READY, INIT_ERROR, EXITED, NATIVE_UNAVAILABLE, TIMED_OUT }

    /** The init phase's end and, for failures, what the runtime or the JVM said. */
    public record InitOutcome(InitState state, long initNanos, String detail, InvocationResult initError) {
    }

    private final LocalFunction function;
    private final boolean pureJava;
    private final RuntimeApiServer runtimeApi;
    private final Process process;
    private final long spawnedNanos;
    private final Deque<String> lastLines = new ArrayDeque<>();
    private volatile InitOutcome init;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    public ExecutionEnvironment(LocalFunction function, String classpath, Map<String, String> platformEnvironment,
                                boolean pureJava, Path nativeLibrary, Consumer<String> output) {
        this.function = function;
        this.pureJava = pureJava;
        this.runtimeApi = new RuntimeApiServer(function.name());
        List<String> command = new ArrayList<>(function.launcher());
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // Lambda's Java runtimes start with tiered compilation stopped at C1: faster cold starts.
        command.add("-XX:+TieredCompilation");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-Xshare:auto");
        command.add("-Djava.net.preferIPv4Stack=true");
        // As Lambda's Java runtimes size the heap: about 85 % of the function's memory.
        command.add("-XX:MaxHeapSize=" + (function.memoryMb() * 1024L * 85 / 100) + "k");
        if (!pureJava && nativeLibrary != null) {
            command.add("-D" + NativeLibrary.PROPERTY + "=" + nativeLibrary);
        }
        command.add("-cp");
        command.add(classpath);
        command.add(pureJava ? PURE_JAVA_MAIN : RIC_MAIN);
        command.add(function.handler());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        try {
            Path taskRoot = function.taskRoot().orElse(null);
            if (taskRoot == null) {
                taskRoot = Files.createTempDirectory("lambda-" + function.name() + "-");
                taskRoot.toFile().deleteOnExit();
            }
            builder.directory(taskRoot.toFile());
            Map<String, String> env = builder.environment();
            env.clear();
            copy("PATH", env);
            copy("LANG", env);
            copy("SYSTEMROOT", env);
            env.putAll(platformEnvironment);
            env.put("AWS_LAMBDA_RUNTIME_API", runtimeApi.address());
            env.put("_HANDLER", function.handler());
            env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
            env.put("AWS_LAMBDA_FUNCTION_NAME", function.name());
            env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
            env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(function.memoryMb()));
            env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + function.name());
            env.put("AWS_LAMBDA_LOG_STREAM_NAME", "local/[$LATEST]" + TraceIds.newSegmentId());
            env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
            env.put("AWS_EXECUTION_ENV", "AWS_Lambda_java17");
            env.putAll(function.environment());
            this.spawnedNanos = System.nanoTime();
            this.process = builder.start();
        } catch (IOException e) {
            runtimeApi.close();
            throw new UncheckedIOException("cannot start a JVM for " + function.name(), e);
        }
        Thread pump = new Thread(() -> pump(output), "output-" + function.name());
        pump.setDaemon(true);
        pump.start();
    }

    private static void copy(String key, Map<String, String> env) {
        String value = System.getenv(key);
        if (value != null) {
            env.put(key, value);
        }
    }

    private void pump(Consumer<String> output) {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                synchronized (lastLines) {
                    lastLines.addLast(line);
                    if (lastLines.size() > KEPT_LINES) {
                        lastLines.removeFirst();
                    }
                }
                output.accept("[" + function.name() + "] " + line);
            }
        } catch (IOException e) {
            // The process ended.
        }
    }

    /** When the JVM was started (System.nanoTime): the start of the init phase. */
    public long spawnedNanos() {
        return spawnedNanos;
    }

    public boolean isPureJava() {
        return pureJava;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits until the runtime polls for its first event, reports an init error, or the JVM exits. */
    public InitOutcome awaitInit(long timeoutMillis) {
        if (init != null) {
            return init;
        }
        CompletableFuture<Object> first = CompletableFuture.anyOf(runtimeApi.firstPoll(), runtimeApi.initError(),
                process.onExit());
        try {
            first.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return init = new InitOutcome(InitState.TIMED_OUT, 0, "no poll for an event after " + timeoutMillis
                    + " ms", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return init = new InitOutcome(InitState.TIMED_OUT, 0, "interrupted", null);
        } catch (ExecutionException e) {
            // cannot happen: none of them completes exceptionally
        }
        if (runtimeApi.initError().isDone()) {
            return init = new InitOutcome(InitState.INIT_ERROR, System.nanoTime() - spawnedNanos, lastOutput(),
                    runtimeApi.initError().join());
        }
        if (runtimeApi.firstPoll().isDone()) {
            return init = new InitOutcome(InitState.READY, runtimeApi.firstPoll().join() - spawnedNanos, null, null);
        }
        waitForOutput();
        String output = lastOutput();
        boolean nativeFailed = !pureJava && (output.contains(NATIVE_FAILURE) || output.contains(LINK_ERROR));
        InitState state = nativeFailed ? InitState.NATIVE_UNAVAILABLE : InitState.EXITED;
        String cause = nativeFailed ? linkErrorLine(output) : output;
        return init = new InitOutcome(state, 0, "exit code " + process.exitValue() + ": " + cause, null);
    }

    private static String linkErrorLine(String output) {
        for (String line : output.split("\n")) {
            if (line.contains(LINK_ERROR) || line.contains(NATIVE_FAILURE)) {
                return line.trim();
            }
        }
        return output;
    }

    private void waitForOutput() {
        try {
            Thread.sleep(100); // let the pump drain the last lines of a JVM that just exited
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The JVM's last lines of output, joined. */
    public String lastOutput() {
        synchronized (lastLines) {
            return String.join("\n", lastLines);
        }
    }

    /**
     * Runs one invocation; completes exceptionally with a {@link TimeoutException} past the function's timeout, and
     * with an {@link IllegalStateException} when the JVM dies during it.
     */
    public InvocationResult invoke(Invocation invocation) throws TimeoutException, InterruptedException {
        runtimeApi.submit(invocation);
        CompletableFuture<Object> done = CompletableFuture.anyOf(invocation.result(), process.onExit());
        try {
            done.get(function.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        if (invocation.result().isDone()) {
            return invocation.result().join();
        }
        waitForOutput();
        throw new IllegalStateException("the JVM of " + function.name() + " exited with code " + process.exitValue()
                + " during the invocation: " + lastOutput());
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(3, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(3, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        runtimeApi.close();
    }
}
