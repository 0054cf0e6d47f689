package dev.xraytracing.local.internal.entry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The wait for a quiet app, on a fake clock: quiet twice in a row ends it, the timeout bounds it. */
class QuietWaitTest {
    private final AtomicLong nanos = new AtomicLong();
    private final QuietWait wait = new QuietWait(nanos::get, d -> nanos.addAndGet(d.toNanos()));

    private static java.util.function.BooleanSupplier answers(Boolean... answers) {
        Deque<Boolean> left = new ArrayDeque<>(List.of(answers));
        return () -> left.size() > 1 ? left.poll() : left.peek();
    }

    @Test
    void an_app_quiet_on_two_polls_in_a_row_is_quiet_at_once() {
        assertThat(wait.until(answers(true), Duration.ofSeconds(60))).isTrue();
        assertThat(nanos.get()).isEqualTo(QuietWait.POLL.toNanos());
    }

    @Test
    void one_quiet_glance_between_two_busy_ones_does_not_end_the_wait() {
        assertThat(wait.until(answers(false, true, false, false, true, true), Duration.ofSeconds(60))).isTrue();
        assertThat(nanos.get()).isEqualTo(5 * QuietWait.POLL.toNanos());
    }

    @Test
    void an_app_that_never_quiets_ends_the_wait_at_the_timeout() {
        assertThat(wait.until(answers(false), Duration.ofSeconds(2))).isFalse();
        assertThat(nanos.get()).isBetween(Duration.ofSeconds(2).toNanos(),
                Duration.ofSeconds(2).plus(QuietWait.POLL).toNanos());
    }

    @Test
    void an_interrupted_wait_ends_not_quiet_and_keeps_the_flag() {
        QuietWait interrupted = new QuietWait(nanos::get, d -> {
            throw new InterruptedException();
        });
        try {
            assertThat(interrupted.until(answers(false), Duration.ofSeconds(60))).isFalse();
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}
