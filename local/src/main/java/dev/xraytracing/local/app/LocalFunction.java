package dev.xraytracing.local.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One function of the local platform: its name, its handler as Lambda's {@code _HANDLER} names it
 * ({@code com.example.MyHandler} or {@code com.example.MyHandler::handleRequest}), extra environment variables and its
 * timeout. The handler class is loaded from the platform's classpath in the function's own JVM.
 */
public final class LocalFunction {
    private final String name;
    private final String handler;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private Duration timeout = Duration.ofSeconds(30);
    private int memoryMb = 512;
    private String classpath;
    private Boolean keepWarm;
    private Integer reservedConcurrency;
    private boolean activeTracing = true;
    private Path taskRoot;
    private Path deploymentPackage;
    private List<String> launcher = List.of();

    private LocalFunction(String name, String handler) {
        this.name = Objects.requireNonNull(name, "name");
        this.handler = Objects.requireNonNull(handler, "handler");
    }

    public static LocalFunction of(String name, String handler) {
        return new LocalFunction(name, handler);
    }

    /** Adds an environment variable the function sees (besides those Lambda sets). */
    public LocalFunction env(String key, String value) {
        environment.put(key, value);
        return this;
    }

    public LocalFunction timeout(Duration timeout) {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        return this;
    }

    public LocalFunction memoryMb(int memoryMb) {
        this.memoryMb = memoryMb;
        return this;
    }

    /**
     * This function's own classpath instead of the platform's (e.g. to run one function without a library that
     * another needs); the local module and the runtime client are added when missing, as for the platform's.
     */
    public LocalFunction classpath(String classpath) {
        this.classpath = Objects.requireNonNull(classpath, "classpath");
        return this;
    }

    /** Overrides the platform's keep-warm setting for this function only (false: a new JVM for every invocation). */
    public LocalFunction keepWarm(boolean keepWarm) {
        this.keepWarm = keepWarm;
        return this;
    }

    /**
     * Its {@code ReservedConcurrentExecutions}: the most invocations it runs at once. One more is refused as Lambda
     * refuses it (429 {@code TooManyRequestsException}, reason {@code ReservedFunctionConcurrentInvocationLimitExceeded});
     * 0 refuses every invocation. Unset: none reserved, and the function scales out to the platform's ceiling.
     */
    public LocalFunction reservedConcurrency(int reservedConcurrency) {
        if (reservedConcurrency < 0) {
            throw new IllegalArgumentException("reservedConcurrency must be 0 or more, got " + reservedConcurrency);
        }
        this.reservedConcurrency = reservedConcurrency;
        return this;
    }

    /** Its reserved concurrency, if any. */
    public OptionalInt reservedConcurrency() {
        return reservedConcurrency == null ? OptionalInt.empty() : OptionalInt.of(reservedConcurrency);
    }

    /**
     * {@code Tracing: Active} (true, the default) samples at the function when no sampled upstream header arrives;
     * {@code PassThrough} (false) records only when the caller's header says {@code Sampled=1}.
     */
    public LocalFunction activeTracing(boolean active) {
        this.activeTracing = active;
        return this;
    }

    /**
     * Runs the function from its unpacked deployment package, laid out as Lambda's {@code /var/task}: classes at the
     * root, jars under {@code lib/}. The runtime client's own class loader then reads it, in Lambda's order, and the
     * function's JVM gets only the runtime on its classpath, as in Lambda.
     */
    public LocalFunction taskRoot(Path unpackedPackage) {
        this.taskRoot = Objects.requireNonNull(unpackedPackage, "unpackedPackage");
        return this;
    }

    /**
     * The zip, jar or folder the {@link #taskRoot} was unpacked from, as the template names it: messages about the
     * function's code name it (the task root itself is a temporary copy for a zip).
     */
    public LocalFunction deploymentPackage(Path zipJarOrFolder) {
        this.deploymentPackage = Objects.requireNonNull(zipJarOrFolder, "zipJarOrFolder");
        return this;
    }

    /** The package {@link #deploymentPackage(Path)} named, else the task root, else empty (runs from a classpath). */
    public Optional<Path> deploymentPackage() {
        return Optional.ofNullable(deploymentPackage).or(this::taskRoot);
    }

    /**
     * Starts the function's JVM under a command, e.g. {@code launcher("taskset", "-c", "1")} to pin it to one CPU as a
     * small Lambda function gets about one; none by default. The prefix must replace itself with the JVM (as
     * {@code taskset}, {@code env} and {@code exec} do): the platform stops the process it started.
     */
    public LocalFunction launcher(String... prefix) {
        this.launcher = List.of(prefix);
        return this;
    }

    /** The command the function's JVM is started under; empty for none. */
    public List<String> launcher() {
        return launcher;
    }

    public boolean activeTracing() {
        return activeTracing;
    }

    /** The unpacked deployment package the function runs from, or empty to run from a classpath. */
    public Optional<Path> taskRoot() {
        return Optional.ofNullable(taskRoot);
    }

    /** The function's own classpath, or empty to use the platform's. */
    public Optional<String> classpath() {
        return Optional.ofNullable(classpath);
    }

    /** The function's own keep-warm setting, or empty to follow the platform's. */
    public Optional<Boolean> keepWarm() {
        return Optional.ofNullable(keepWarm);
    }

    public String name() {
        return name;
    }

    public String handler() {
        return handler;
    }

    public Map<String, String> environment() {
        return Map.copyOf(environment);
    }

    public Duration timeout() {
        return timeout;
    }

    public int memoryMb() {
        return memoryMb;
    }

    @Override
    public String toString() {
        return name + " (" + handler + ")";
    }
}
