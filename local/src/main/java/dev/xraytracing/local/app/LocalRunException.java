package dev.xraytracing.local.app;

/** A problem of the local run that the user can fix, with a one-line message that names the cause. */
public final class LocalRunException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LocalRunException(String message) {
        super(message);
    }

    public LocalRunException(String message, Throwable cause) {
        super(message, cause);
    }
}
