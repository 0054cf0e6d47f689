package dev.xraytracing.local.internal.entry;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Polls until the app is quiet, bounded by a timeout. Quiet must be seen on two polls in a row: an event source
 * hands a message to the Lambda service between two of its own steps, and one quiet glance could fall in between.
 */
public final class QuietWait {
    /** Between two polls: short, so the run ends soon after the app does. */
    public static final Duration POLL = Duration.ofMillis(50);

    /** Sleeps between polls; a test passes one that only advances its clock. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final LongSupplier nanoClock;
    private final Sleeper sleeper;

    public QuietWait(LongSupplier nanoClock, Sleeper sleeper) {
        this.nanoClock = nanoClock;
        this.sleeper = sleeper;
    }

    /** On the system clock, sleeping {@link #POLL} between polls. */
    public static QuietWait onSystemClock() {
        return new QuietWait(System::nanoTime, duration -> Thread.sleep(duration.toMillis()));
    }

    /**
     * Whether {@code quiet} held on two polls in a row before {@code timeout} passed; false on timeout or interrupt
     * (the interrupt flag is kept).
     */
    public boolean until(BooleanSupplier quiet, Duration timeout) {
        long deadline = nanoClock.getAsLong() + timeout.toNanos();
        int quietInARow = 0;
        while (true) {
            quietInARow = quiet.getAsBoolean() ? quietInARow + 1 : 0;
            if (quietInARow >= 2) {
                return true;
            }
            if (nanoClock.getAsLong() - deadline >= 0) {
                return false;
            }
            try {
                sleeper.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
