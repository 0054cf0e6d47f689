package dev.xraytracing.internal;

import com.amazonaws.xray.entities.Entity;
import com.amazonaws.xray.entities.ThrowableDescription;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkServiceException;

/** Records how a traced call ended: a thrown exception, or a failing status, with the flags X-Ray reads. */
public final class Outcomes {
    private Outcomes() {
    }

    /**
     * Records {@code failure} as the entity's cause, described when it is recorded (bounded and cycle-safe, see
     * {@link ExceptionDescriptions}). A service's answer ({@link SdkServiceException}, which every AWS service
     * exception is) is remote and follows the status table, its throttling codes counting as throttle; anything
     * else sets fault.
     */
    public static void recordException(Entity entity, Throwable failure) {
        recordException(entity, failure, 0);
    }

    /** The same, with the HTTP status the answer came with when it is known ({@code 0} if not). */
    public static void recordException(Entity entity, Throwable failure, int httpStatus) {
        ThrowableDescription first = ExceptionDescriptions.add(entity, failure, TracerCore.of(entity).warnings());
        if (failure instanceof SdkServiceException) {
            SdkServiceException serviceFailure = (SdkServiceException) failure;
            if (first != null && first.getId() != null) {
                first.setRemote(true);
            }
            int status = httpStatus > 0 ? httpStatus : serviceFailure.statusCode();
            setServiceFlags(entity, status, isThrottling(serviceFailure));
        } else {
            entity.setFault(true);
        }
    }

    /**
     * The flags of a service's failed answer: by its status (4xx error, 429 also throttle, 5xx or no status fault);
     * a throttling error code makes it throttle whatever its status (and error below 500).
     */
    public static void setServiceFlags(Entity entity, int status, boolean throttling) {
        if (status > 0 && status < 500) {
            setFlags(entity, status);
        } else {
            entity.setFault(true);
        }
        if (throttling) {
            entity.setError(status < 500);
            entity.setThrottle(true);
        }
    }

    private static boolean isThrottling(SdkServiceException failure) {
        try {
            return failure.isThrottlingException();
        } catch (RuntimeException hostile) {
            return failure.statusCode() == 429;
        }
    }

    /**
     * Records {@code status} in {@code http.response.status}; a failing one also sets the flags ({@link StatusFlags}:
     * 4xx and 3xx error, 429 error and throttle, 5xx fault; a {@code failure}, such as a Lambda function error, fault)
     * and adds an exception that names it.
     *
     * @param failure the failure the call reported with its status, or null when the status alone tells
     */
    public static void recordStatus(Entity entity, int status, String failure) {
        recordStatus(entity, status, failure, true);
    }

    /**
     * The same for a handler's own answer (its API Gateway response): a failing status is the handler's answer, not a
     * remote call's, and is recorded so.
     */
    public static void recordHandlerStatus(Entity entity, int status, String failure) {
        recordStatus(entity, status, failure, false);
    }

    private static void recordStatus(Entity entity, int status, String failure, boolean fromRemoteCall) {
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
        } else if (fromRemoteCall) {
            message = "Call returned status " + status;
            type = "FailedStatus";
        } else {
            message = "The handler answered with status " + status;
            type = "FailedStatus";
        }
        if (entity.getCause().getExceptions().size() >= ExceptionDescriptions.MAX_PER_ENTITY) {
            return;
        }
        ThrowableDescription description = new ThrowableDescription();
        description.setId(TracerCore.newIdFor(entity));
        description.setMessage(message);
        description.setType(type);
        description.setRemote(fromRemoteCall);
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
