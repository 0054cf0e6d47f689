package dev.xraytracing.status;

import dev.xraytracing.internal.StatusFlags;
import java.util.Objects;

/**
 * What a call's result says about how it went: an HTTP-style status and, for calls that can fail with a 200 (a Lambda
 * function error), the failure's name. A status of 300 or more, or any failure, makes the call count as failed.
 */
public final class CallStatus {
    private final int status;
    private final String failure;

    private CallStatus(int status, String failure) {
        this.status = status;
        this.failure = failure;
    }

    /** A call that answered with {@code status}. */
    public static CallStatus of(int status) {
        return new CallStatus(status, null);
    }

    /** A call that answered with {@code status} but reported {@code failure}, as Lambda does for function errors. */
    public static CallStatus failed(int status, String failure) {
        return new CallStatus(status, Objects.requireNonNull(failure, "failure"));
    }

    public int status() {
        return status;
    }

    /** The reported failure, or null when the status alone tells. */
    public String failure() {
        return failure;
    }

    public boolean isFailure() {
        return failure != null || StatusFlags.isFailure(status);
    }

    @Override
    public String toString() {
        return failure == null ? "status " + status : "status " + status + " (" + failure + ")";
    }
}
