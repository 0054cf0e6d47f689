package dev.xraytracing.internal;

/**
 * The one table that says which flags an HTTP status sets on an entity, for every module (the tracer and the local
 * platform's simulated services alike). The first row whose range holds the status wins; a status that no row holds
 * (below 300) sets none.
 */
public final class StatusFlags {
    public static final int NONE = 0;
    public static final int ERROR = 1;
    public static final int THROTTLE = 2;
    public static final int FAULT = 4;

    /** {from, to (inclusive), flags}. */
    private static final int[][] TABLE = {
        {429, 429, ERROR | THROTTLE},
        {300, 499, ERROR},
        {500, Integer.MAX_VALUE, FAULT},
    };

    private StatusFlags() {
    }

    /** The flags {@code status} sets, as a combination of {@link #ERROR}, {@link #THROTTLE} and {@link #FAULT}. */
    public static int of(int status) {
        for (int[] row : TABLE) {
            if (status >= row[0] && status <= row[1]) {
                return row[2];
            }
        }
        return NONE;
    }

    /** Whether a call that answered {@code status} counts as failed. */
    public static boolean isFailure(int status) {
        return of(status) != NONE;
    }

    public static boolean error(int flags) {
        return (flags & ERROR) != 0;
    }

    public static boolean throttle(int flags) {
        return (flags & THROTTLE) != 0;
    }

    public static boolean fault(int flags) {
        return (flags & FAULT) != 0;
    }
}
