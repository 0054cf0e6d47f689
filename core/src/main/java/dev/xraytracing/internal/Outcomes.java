package dev.xraytracing.internal;

import com.amazonaws.xray.entities.Entity;
import com.amazonaws.xray.entities.ThrowableDescription;
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

    /**
     * Records {@code status} in {@code http.response.status}; a failing one also sets the flags ({@link StatusFlags}:
     * 4xx and 3xx error, 429 error and throttle, 5xx fault; a {@code failure}, such as a Lambda function error, fault)
     * and adds an exception that names it.
     *
     * @param failure the failure the call reported with its status, or null when the status alone tells
     */
    public static void recordStatus(Entity entity, int status, String failure) {
        putResponseStatus(entity, status);
        if (failure == null && !StatusFlags.isFailure(status)) {
            return;
        }
        setFlags(entity, status);
        String message;
        String type;
        if (failure != null) {
            entity.setFault(true);
            message = "Call reported a function error (" + failure + ") with status " + status;
            type = "FunctionError";
        } else {
            message = "Call returned status " + status;
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
        int flags = StatusFlags.of(status);
        if (StatusFlags.fault(flags)) {
            entity.setFault(true);
        }
        if (StatusFlags.error(flags)) {
            entity.setError(true);
        }
        if (StatusFlags.throttle(flags)) {
            entity.setThrottle(true);
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
