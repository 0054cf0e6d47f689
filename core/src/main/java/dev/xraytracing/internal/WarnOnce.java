package dev.xraytracing.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs each distinct tracing problem once per process, so a bad key in a hot loop costs one log line, not millions.
 * The set is bounded: past {@link #MAX_DISTINCT} problems, new ones are counted in one final warning.
 */
public final class WarnOnce {
    static final int MAX_DISTINCT = 1_000;
    private static final Logger LOG = LoggerFactory.getLogger("dev.xraytracing");

    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private volatile boolean saturated;

    /** Logs {@code message} unless the same problem {@code key} was logged before; returns whether it logged. */
    public boolean warn(String key, String message) {
        return warn(key, message, null);
    }

    public boolean warn(String key, String message, Throwable cause) {
        if (seen.size() >= MAX_DISTINCT) {
            if (!saturated) {
                saturated = true;
                LOG.warn("xray-tracing: more than {} distinct tracing problems; further ones are not logged", MAX_DISTINCT);
            }
            return false;
        }
        if (!seen.add(key)) {
            return false;
        }
        try {
            if (cause == null) {
                LOG.warn("xray-tracing: {}", message);
            } else {
                LOG.warn("xray-tracing: {}", message, cause);
            }
        } catch (Throwable loggingFailed) {
            // A broken logging backend, or a stack nearly exhausted: tracing still never throws.
        }
        return true;
    }
}
