package dev.xraytracing.internal;

import com.amazonaws.xray.entities.Entity;
import com.amazonaws.xray.entities.ThrowableDescription;
import dev.xraytracing.status.CallStatus;
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
        ThrowableDescription first = ExceptionDescriptions.add(entity, failure, TracingState.get().warnings());
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

    /** Records the status {@code result} carries, if it carries one the status readers know. */
    public static void recordResult(Entity entity, Object result) {
        recordResult(entity, result, true);
    }

    /**
     * The same for a handler's own answer (its API Gateway response): a failing status is recorded as the handler's
     * answer, not as a remote call's.
     */
    public static void recordHandlerResult(Entity entity, Object result) {
        recordResult(entity, result, false);
    }

    private static void recordResult(Entity entity, Object result, boolean fromRemoteCall) {
        if (result == null) {
            return;
        }
        CallStatus status = TracingState.get().statusReaders().read(result);
        if (status != null) {
            recordStatus(entity, status, fromRemoteCall);
        }
    }

    /**
     * Records {@code status} in {@code http.response.status}; a failing one also sets the flags (4xx and 3xx error,
     * 429 error and throttle, 5xx and function errors fault) and adds a remote exception that names it.
     */
    public static void recordStatus(Entity entity, CallStatus status) {
        recordStatus(entity, status, true);
    }

    private static void recordStatus(Entity entity, CallStatus status, boolean fromRemoteCall) {
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
        } else if (fromRemoteCall) {
            message = "Call returned status " + status.status();
            type = "FailedStatus";
        } else {
            message = "The handler answered with status " + status.status();
            type = "FailedStatus";
        }
        if (entity.getCause().getExceptions().size() >= ExceptionDescriptions.MAX_PER_ENTITY) {
            return;
        }
        ThrowableDescription description = new ThrowableDescription();
        description.setId(entity.getCreator().getIdGenerator().newEntityId());
        description.setMessage(message);
        description.setType(type);
        description.setRemote(fromRemoteCall);
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
