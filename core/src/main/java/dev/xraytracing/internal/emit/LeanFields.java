package dev.xraytracing.internal.emit;

import com.amazonaws.xray.entities.ThrowableDescription;
import java.util.List;

/**
 * What our own entities keep outside the X-Ray SDK's {@code Entity} interface, for the writer.
 *
 * <p>The exceptions: kept by the entity itself until something asks for the X-Ray SDK's {@code Cause}, because that
 * class sets up commons-logging when it loads, about 55 ms of a cold start on one vCPU. The writer asks this first,
 * and writes the cause exactly as it would write the SDK's.
 *
 * <p>The links to other traces (the producers of the messages a record's subsegment processed), written as X-Ray's
 * {@code links} array of {@code {"trace_id", "id"}}: the shape the OpenTelemetry Collector's X-Ray exporter writes
 * for span links. One interface for both, so that an entity that links nothing loads no extra class.
 */
public interface LeanFields {
    /**
     * The exceptions recorded so far (a copy; empty when none), or null once {@code getCause()} was asked for and
     * holds them instead.
     */
    List<ThrowableDescription> ownExceptions();

    /** The links added so far, in order, each {trace id, entity id}; empty when none. */
    List<String[]> links();
}
