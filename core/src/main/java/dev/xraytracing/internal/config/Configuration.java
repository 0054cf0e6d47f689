package dev.xraytracing.internal.config;

import java.util.Locale;
import java.util.Map;

/**
 * Reads the settings of {@link ConfigKey}: the only place in the library that reads system properties and
 * environment variables. The process's instance reads them live (the Lambda runtime changes the trace header
 * property per invocation); the off switch it reads once. Each tracer holds one (the process's unless it was built
 * with its own variables), so a test's tracer carries the settings the test gives it.
 */
public final class Configuration {
    /**
     * Whether any configuration in this process has said "off": until one has, {@link #tracingOff()} costs one
     * volatile read, so the hot paths (an unsampled {@code Tracing.sub} takes a few nanoseconds) pay nothing more.
     */
    private static volatile boolean offSeen = fromProcess().isOff(ConfigKey.ENABLED);
    private static final Configuration PROCESS = fromProcess();

    /**
     * Fixed values, or null for the process's own, read live. Maps and a null rather than functions: a method reference
     * costs a spun class on a cold start (docs/benchmarks.md).
     */
    private final Map<String, String> environment;
    private final Map<String, String> systemProperties;
    private volatile Boolean tracingEnabled;

    private Configuration(Map<String, String> environment, Map<String, String> systemProperties) {
        this.environment = environment;
        this.systemProperties = systemProperties;
    }

    /**
     * The process's own, never a test thread's: for what is built once for the whole JVM (the recorder's daemon
     * address, the sampling rules, the interceptor switch), and for what the Lambda runtime sets per invocation (the
     * trace header), read on every traced call, where a lookup of {@link #current()} would cost more than the read.
     */
    public static Configuration process() {
        return PROCESS;
    }

    /** The JVM's system properties and the process's environment variables, read when asked. */
    public static Configuration fromProcess() {
        return new Configuration(null, null);
    }

    /** Fixed values, for tests and for code that builds its settings by hand. */
    public static Configuration of(Map<String, String> environment, Map<String, String> systemProperties) {
        Configuration configuration = new Configuration(Map.copyOf(environment), Map.copyOf(systemProperties));
        configuration.tracingEnabled();
        return configuration;
    }

    /** Whether any configuration of this process has said "off" yet: while none has, tracing is on everywhere. */
    public static boolean offSeen() {
        return offSeen;
    }

    /** The key's value: its system property, else its environment variables in order; null when all are blank. */
    public String value(ConfigKey key) {
        if (key.systemProperty() != null) {
            String name = key.systemProperty();
            String value = systemProperties == null ? System.getProperty(name) : systemProperties.get(name);
            if (isSet(value)) {
                return value;
            }
        }
        for (String variable : key.environmentVariables()) {
            String value = environment == null ? System.getenv(variable) : environment.get(variable);
            if (isSet(value)) {
                return value;
            }
        }
        return null;
    }

    /** Whether the key says {@code true} (any case, spaces around ignored). */
    public boolean isTrue(ConfigKey key) {
        return "true".equals(normalized(key));
    }

    /** Whether the key says {@code off} or {@code false} (any case, spaces around ignored). */
    public boolean isOff(ConfigKey key) {
        String value = normalized(key);
        return "off".equals(value) || "false".equals(value);
    }

    /** The global off switch ({@link ConfigKey#ENABLED}), read once for this instance. */
    public boolean tracingEnabled() {
        Boolean enabled = tracingEnabled;
        if (enabled == null) {
            enabled = !isOff(ConfigKey.ENABLED);
            if (!enabled) {
                offSeen = true;
            }
            tracingEnabled = enabled;
        }
        return enabled;
    }

    private String normalized(ConfigKey key) {
        String value = value(key);
        return value == null ? null : value.trim().toLowerCase(Locale.ROOT);
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
