package dev.xraytracing.internal.emit;

import com.amazonaws.xray.entities.Cause;

/**
 * An entity that makes its {@link Cause} only when something is recorded in it: the writer asks this instead of
 * {@code getCause()}, which would make one (and load commons-logging, which {@code Cause} sets up).
 */
public interface RecordedCause {
    /** The cause, or null when nothing was recorded. */
    Cause recordedCause();
}
