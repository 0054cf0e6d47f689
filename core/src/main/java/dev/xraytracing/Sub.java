package dev.xraytracing;

import com.amazonaws.xray.entities.Entity;
import com.amazonaws.xray.entities.Subsegment;
import dev.xraytracing.internal.Annotations;
import dev.xraytracing.internal.Metadata;
import dev.xraytracing.internal.Outcomes;
import dev.xraytracing.internal.TracerCore;
import java.util.Optional;

/**
 * The handle a traced body gets: it adds annotations, metadata and a status to its subsegment. When the call is not
 * recorded (unsampled, or no trace context) every method does nothing, so code never has to check. No method throws.
 */
public final class Sub {
    static final Sub NOT_RECORDING = new Sub(null);

    private final Entity entity;

    Sub(Entity entity) {
        this.entity = entity;
    }

    /** Whether anything written here reaches X-Ray. */
    public boolean isRecording() {
        return entity != null;
    }

    /** Adds an indexed annotation; an invalid key is repaired and a long value is cut (both logged once). */
    public Sub annotate(String key, String value) {
        return annotation(key, value);
    }

    public Sub annotate(String key, Number value) {
        return annotation(key, value);
    }

    public Sub annotate(String key, boolean value) {
        return annotation(key, value);
    }

    private Sub annotation(String key, Object value) {
        if (entity != null) {
            try {
                Annotations.put(entity, key, value, TracerCore.of(entity).warnings());
            } catch (Throwable failure) {
                try {
                    tracingFailed("annotate", failure);
                } catch (Throwable ownOverflow) {
                    // Only a nearly exhausted stack gets here; the traced code matters more.
                }
            }
        }
        return this;
    }

    /** Adds metadata under the {@code default} namespace. */
    public Sub metadata(String key, Object value) {
        return metadata(Metadata.DEFAULT_NAMESPACE, key, value);
    }

    /** Adds metadata; a value that cannot be serialized is recorded as a placeholder that says why. */
    public Sub metadata(String namespace, String key, Object value) {
        if (entity != null) {
            try {
                Metadata.put(entity, namespace, key, value, TracerCore.of(entity).warnings());
            } catch (Throwable failure) {
                try {
                    tracingFailed("metadata", failure);
                } catch (Throwable ownOverflow) {
                    // Only a nearly exhausted stack gets here; the traced code matters more.
                }
            }
        }
        return this;
    }

    /**
     * Records an HTTP-style status. 300 or more counts as a failure: 4xx (and 3xx) set error, 429 also throttle,
     * 5xx fault, and an exception naming the status is added.
     */
    public Sub status(int status) {
        if (entity != null) {
            try {
                Outcomes.recordStatus(entity, status, null);
            } catch (Throwable failure) {
                try {
                    tracingFailed("status", failure);
                } catch (Throwable ownOverflow) {
                    // Only a nearly exhausted stack gets here; the traced code matters more.
                }
            }
        }
        return this;
    }

    /**
     * Records an exception the body handled itself; sets fault, or for an AWS service's exception the flags its status
     * says (4xx error, 429 or a throttling code throttle, 5xx fault), marked remote.
     */
    public Sub exception(Throwable exception) {
        if (entity != null && exception != null) {
            try {
                Outcomes.recordException(entity, exception);
            } catch (Throwable failure) {
                try {
                    tracingFailed("exception", failure);
                } catch (Throwable ownOverflow) {
                    // Only a nearly exhausted stack gets here; the traced code matters more.
                }
            }
        }
        return this;
    }

    /** Marks the subsegment as a call to a remote service, so X-Ray draws it as a node of its own. */
    public Sub remote() {
        return namespace("remote");
    }

    /** Marks the subsegment as a call to an AWS service. */
    public Sub aws() {
        return namespace("aws");
    }

    private Sub namespace(String namespace) {
        if (entity instanceof Subsegment) {
            try {
                ((Subsegment) entity).setNamespace(namespace);
            } catch (Throwable failure) {
                try {
                    tracingFailed("namespace", failure);
                } catch (Throwable ownOverflow) {
                    // Only a nearly exhausted stack gets here; the traced code matters more.
                }
            }
        }
        return this;
    }

    /**
     * The escape hatch: the X-Ray SDK subsegment behind this handle, for what this API lacks. Empty when nothing is
     * recorded. Code that uses it is tied to the X-Ray SDK.
     */
    public Optional<Subsegment> xraySubsegment() {
        return entity instanceof Subsegment ? Optional.of((Subsegment) entity) : Optional.empty();
    }

    private void tracingFailed(String operation, Throwable failure) {
        TracerCore.of(entity).warnings().warn(operation + ":" + failure.getClass().getName(),
                "tracing failed in " + operation + "; the traced code goes on", failure);
    }
}
