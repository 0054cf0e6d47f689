package dev.xraytracing.internal.status;

import com.amazonaws.xray.entities.Entity;
import dev.xraytracing.internal.Outcomes;
import dev.xraytracing.internal.TracerCore;
import dev.xraytracing.status.CallStatus;

/** Records the status a result carries, as the tracer's status readers read it. */
public final class StatusRecording {
    private StatusRecording() {
    }

    /** Records the status {@code result} carries, if it carries one the tracer's readers know. */
    public static void recordResult(TracerCore core, Entity entity, Object result) {
        if (result == null) {
            return;
        }
        CallStatus status = StatusReaders.read(core.statusReaders(), result);
        if (status != null) {
            recordStatus(entity, status);
        }
    }

    /**
     * The same for a handler's own answer (its API Gateway response): a failing status is recorded as the handler's
     * answer, not as a remote call's.
     */
    public static void recordHandlerResult(TracerCore core, Entity entity, Object result) {
        if (result == null) {
            return;
        }
        CallStatus status = StatusReaders.read(core.statusReaders(), result);
        if (status != null) {
            Outcomes.recordHandlerStatus(entity, status.status(), status.failure());
        }
    }

    public static void recordStatus(Entity entity, CallStatus status) {
        Outcomes.recordStatus(entity, status.status(), status.failure());
    }
}
