package dev.xraytracing.internal.log;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs each distinct tracing problem once per process, so a bad key in a hot loop costs one log line, not millions.
 * The set is bounded: past {@link #MAX_DISTINCT} problems, new ones are counted in one final warning.
 *
 * <p>Where a warning goes is {@link WarningOutput}'s business: the SLF4J provider when one is bound, else standard
 * error (which Lambda sends to CloudWatch Logs), so that a Lambda zip without a logging backend still shows them.
 */
public final class WarnOnce {
    static final int MAX_DISTINCT = 1_000;

    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    /** Null: {@link WarningOutput#detected()} (no method reference: a spun class on a cold start, docs/benchmarks.md). */
    private final Supplier<WarningOutput> output;
    private volatile boolean saturated;

    public WarnOnce() {
        this(null);
    }

    /** With a given output; tests use it to see both paths in one JVM. */
    WarnOnce(Supplier<WarningOutput> output) {
        this.output = output;
    }

    private WarningOutput output() {
        return output == null ? WarningOutput.detected() : output.get();
    }

    /**
     * Forgets which problems were logged, so each is logged once more: after a SnapStart restore, whose environment
     * writes to a log stream of its own that never saw the warnings of the init before the snapshot.
     */
    public void forgetLogged() {
        seen.clear();
    }

    /** Logs {@code message} unless the same problem {@code key} was logged before; returns whether it logged. */
    public boolean warn(String key, String message) {
        return warn(key, message, null);
    }

    public boolean warn(String key, String message, Throwable cause) {
        if (seen.size() >= MAX_DISTINCT) {
            if (!saturated) {
                saturated = true;
                output().warn("more than " + MAX_DISTINCT + " distinct tracing problems; further ones are not "
                        + "logged", null);
            }
            return false;
        }
        if (!seen.add(key)) {
            return false;
        }
        try {
            output().warn(message, cause);
        } catch (Throwable loggingFailed) {
            // A broken logging backend, or a stack nearly exhausted: tracing still never throws.
        }
        return true;
    }

    /** Where warnings are written: SLF4J's logger {@code dev.xraytracing}, or standard error with one prefix. */
    abstract static class WarningOutput {
        /** What every line on standard error starts with. */
        static final String STDERR_PREFIX = "[xray-tracing] WARN ";

        /** Decided on the first warning, so that SLF4J initialises (and its own notice prints) only if one comes. */
        private static volatile WarningOutput detected;

        abstract void write(String message, Throwable cause);

        /** Writes one warning; never throws, whatever the cause's toString() or the backend does. */
        final void warn(String message, Throwable cause) {
            try {
                write(message, cause);
            } catch (Throwable failure) {
                try {
                    System.err.println(STDERR_PREFIX + message + " (and writing the warning failed: "
                            + failure.getClass().getName() + ")");
                } catch (Throwable ignored) {
                    // Nowhere left to say it.
                }
            }
        }

        static WarningOutput detected() {
            WarningOutput found = detected;
            if (found == null) {
                found = providerBound() ? slf4j(LoggerFactory.getLogger("dev.xraytracing")) : standardError();
                detected = found;
            }
            return found;
        }

        /**
         * Whether an SLF4J provider is bound. Without one SLF4J falls back to its no-op factory and every warning
         * would vanish; slf4j-nop, chosen on purpose, is a provider too and keeps them silent.
         */
        static boolean providerBound() {
            try {
                if (!(LoggerFactory.getILoggerFactory() instanceof org.slf4j.helpers.NOPLoggerFactory)) {
                    return true;
                }
                Class.forName("org.slf4j.nop.NOPServiceProvider", false, WarnOnce.class.getClassLoader());
                return true;
            } catch (ClassNotFoundException | LinkageError noProvider) {
                return false;
            }
        }

        static WarningOutput slf4j(Logger logger) {
            return new WarningOutput() {
                @Override
                void write(String message, Throwable cause) {
                    if (cause == null) {
                        logger.warn("xray-tracing: {}", message);
                    } else {
                        logger.warn("xray-tracing: {}", message, cause);
                    }
                }
            };
        }

        /** One line per warning on the current {@code System.err}; a cause adds its stack trace below it. */
        static WarningOutput standardError() {
            return new WarningOutput() {
                @Override
                void write(String message, Throwable cause) {
                    if (cause == null) {
                        System.err.println(STDERR_PREFIX + message);
                        return;
                    }
                    StringBuilder line = new StringBuilder(STDERR_PREFIX).append(message).append(": ");
                    try {
                        line.append(cause);
                    } catch (Throwable hostile) {
                        line.append(cause.getClass().getName());
                    }
                    System.err.println(line);
                    try {
                        cause.printStackTrace(System.err);
                    } catch (Throwable hostile) {
                        // The line above already names the cause.
                    }
                }
            };
        }
    }
}
