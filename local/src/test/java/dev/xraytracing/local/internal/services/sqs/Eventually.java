package dev.xraytracing.local.internal.services.sqs;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition with a generous bound: the tests assert what happens, never how fast. */
final class Eventually {
    private static final Duration BOUND = Duration.ofSeconds(60);

    private Eventually() {
    }

    static void until(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + BOUND.toSeconds() + " s: " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for: " + what);
            }
        }
    }
}
