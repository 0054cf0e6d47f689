package dev.xraytracing.internal.emit;

import com.amazonaws.xray.entities.ThrowableDescription;
import java.util.List;

/**
 * An entity that keeps the exceptions recorded in it itself until something asks for the X-Ray SDK's {@code Cause}:
 * that class sets up commons-logging when it loads, about 55 ms of a cold start on one vCPU. The writer asks this
 * first, and writes the cause exactly as it would write the SDK's.
 */
public interface RecordedCause {
    /**
     * The exceptions recorded so far (a copy; empty when none), or null once {@code getCause()} was asked for and
     * holds them instead.
     */
    List<ThrowableDescription> ownExceptions();
}
