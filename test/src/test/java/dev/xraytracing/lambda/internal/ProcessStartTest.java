package dev.xraytracing.lambda.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** The process start for {@code InitDurationMs}, read from {@code /proc} without the management classes. */
class ProcessStartTest {
    private static final String STAT = "4242 (java (x) y) S 1 4242 4242 0 -1 4194304 126 0 0 0 3 1 0 0 20 0 17 0 "
            + "63677 3133440 412 18446744073709551615";

    @Test
    void theStartIsTheUptimeLessTheStartTicksBeforeNow() {
        // started 63677 ticks (636.77 s) after boot, now 640.00 s after boot: 3.23 s ago
        assertThat(ProcessStart.fromProc(STAT, "640.00 1200.5\n", 1_000_000L)).isEqualTo(1_000_000L - 3_230L);
    }

    @Test
    void textThatDoesNotSayGivesNoStart() {
        assertThat(ProcessStart.fromProc("garbage", "1.0 2.0", 5L)).isEqualTo(-1);
        assertThat(ProcessStart.fromProc("1 (x) S 1 2", "1.0 2.0", 5L)).isEqualTo(-1);
        assertThat(ProcessStart.fromProc(STAT, "1.00 2.0", 5L)).isEqualTo(-1); // started after "now": not this boot
    }

    /**
     * The process starts before the JVM notes its own start, and on a loaded machine the gap can be long; the reading
     * itself may come out a little late (10 ms ticks, a preemption between reading the uptime and the clock).
     */
    @Test
    void onThisMachineItIsNotLaterThanTheJvmsOwnFigure() {
        long jvm = ManagementFactory.getRuntimeMXBean().getStartTime();

        assertThat(ProcessStart.epochMillis()).isBetween(jvm - 30_000, jvm + 1_000);
    }
}
