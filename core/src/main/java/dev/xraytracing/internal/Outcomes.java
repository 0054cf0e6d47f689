package dev.xraytracing.internal;

import com.amazonaws.xray.entities.Entity;
import com.amazonaws.xray.entities.ThrowableDescription;
import dev.xraytracing.status.CallStatus;
import java.util.HashMap;
import java.util.Map;

/** Records how a traced call ended: a thrown exception, or a failing status, with the flags X-Ray reads. */
public final class Outcomes {
    private Outcomes() {
    }

    /** Records {@code failure} as the entity's cause and sets fault. */
    public static void recordException(Entity entity, Throwable failure) {
        entity.addException(failure);
    }

    /** Records the status {@code result} carries, if it carries one the status readers know. */
    public static void recordResult(Entity entity, Object result) {
        if (result == null) {
            return;
        }
        CallStatus status = TracingState.get().statusReaders().read(result);
        if (status != null) {
            recordStatus(entity, status);
        }
    }

    /**
     * Records {@code status} in {@code http.response.status}; a failing one also sets the flags (4xx and 3xx error,
     * 429 error and throttle, 5xx and function errors fault) and adds an exception that names it.
     */
    public static void recordStatus(Entity entity, CallStatus status) {
        putResponseStatus(entity, status.status());
        if (!status.isFailure()) {
            return;
        }
        setFlags(entity, status.status());
        String message;
        String type;
        if (status.failure() != null) {
            entity.setFault(true);
            message = "Call reported a function error (" + status.failure() + ") with status " + status.status();
            type = "FunctionError";
        } else {
            message = "Call returned status " + status.status();
            type = "FailedStatus";
        }
        ThrowableDescription description = new ThrowableDescription();
        description.setId(entity.getCreator().getIdGenerator().newEntityId());
        description.setMessage(message);
        description.setType(type);
        description.setRemote(true);
        entity.getCause().addException(description);
    }

    /** Sets error, throttle or fault as X-Ray reads an HTTP status. */
    public static void setFlags(Entity entity, int status) {
        if (status >= 500) {
            entity.setFault(true);
        } else if (status >= 300) {
            entity.setError(true);
            if (status == 429) {
                entity.setThrottle(true);
            }
        }
    }

    /** Sets {@code http.response.status}, keeping the other response fields. */
    public static void putResponseStatus(Entity entity, int status) {
        responseFields(entity).put("status", status);
    }

    /** The mutable {@code http.response} map of {@code entity}, created when missing. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> responseFields(Entity entity) {
        Object existing = entity.getHttp().get("response");
        if (existing instanceof Map) {
            return (Map<String, Object>) existing;
        }
        Map<String, Object> response = new HashMap<>();
        entity.putHttp("response", response);
        return response;
    }
}
