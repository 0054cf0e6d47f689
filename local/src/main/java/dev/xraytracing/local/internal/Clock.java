package dev.xraytracing.local.internal;

import java.time.Instant;

/** Turns System.nanoTime() readings (monotonic, what the servers record) into wall-clock instants for documents. */
public final class Clock {
    private static final Instant BASE_INSTANT = Instant.now();
    private static final long BASE_NANOS = System.nanoTime();

    private Clock() {
    }

    public static Instant at(long nanoTime) {
        return BASE_INSTANT.plusNanos(nanoTime - BASE_NANOS);
    }

    public static Instant now() {
        return at(System.nanoTime());
    }
}
