package dev.xraytracing.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xraytracing.local.app.Fault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The exit status of a run whose entries go on asynchronously: what fails it, and what does not by itself. */
class RunVerdictTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private static RunVerdict verdict(List<String> refused, RunVerdict.AppState app, Fault fault, int expected) {
        return RunVerdict.of(List.of(200), List.of(), app.functionErrors(), fault, false, refused, app, TIMEOUT,
                expected);
    }

    private static RunVerdict.AppState app(List<String> eventSourceErrors, Map<String, Integer> deadLetters,
                                           boolean quiet) {
        return new RunVerdict.AppState(eventSourceErrors, eventSourceErrors, List.of(), deadLetters, quiet);
    }

    @Test
    void a_quiet_app_with_empty_dead_letter_queues_and_no_failed_invocation_passes() {
        assertThat(verdict(List.of(), app(List.of(), Map.of("JobsDlq", 0), true), Fault.NONE, 0).failure())
                .isNull();
    }

    @Test
    void records_reported_in_batch_item_failures_fail_the_run_only_by_ending_in_a_dead_letter_queue() {
        // A partial batch failure is a successful answer: no function error, only what the queues hold tells.
        assertThat(verdict(List.of(), app(List.of(), Map.of("JobsDlq", 1), true), Fault.NONE, 1).failure())
                .isNull();
        assertThat(verdict(List.of(), app(List.of(), Map.of("JobsDlq", 1, "OtherDlq", 0), true), Fault.NONE, 0)
                .failure()).isEqualTo("the dead-letter queues hold 1 message (JobsDlq: 1) and"
                + " --expect-dead-letters said 0");
        assertThat(verdict(List.of(), app(List.of(), Map.of("JobsDlq", 0), true), Fault.NONE, 2).failure())
                .isEqualTo("the dead-letter queues hold 0 messages and --expect-dead-letters said 2");
    }

    @Test
    void a_function_error_in_an_event_source_invocation_fails_the_run_unless_a_fault_asked_for_it() {
        RunVerdict.AppState failed = app(List.of("Notifier: java.lang.IllegalStateException: boom",
                "Notifier: java.lang.IllegalStateException: boom"), Map.of(), true);

        assertThat(verdict(List.of(), failed, Fault.NONE, 0).failure()).isEqualTo("2 invocations by an event source"
                + " failed and no --fault asked for it; Notifier: java.lang.IllegalStateException: boom");
        assertThat(verdict(List.of(), failed, Fault.FUNCTION_ERROR, 0).failure()).isNull();
    }

    @Test
    void an_entry_the_service_refused_fails_the_run_whatever_the_faults() {
        assertThat(verdict(List.of("request 1 (send-message Jobs) was refused: 400 QueueDoesNotExist: gone"),
                app(List.of(), Map.of(), true), Fault.LATENCY, 0).failure())
                .isEqualTo("request 1 (send-message Jobs) was refused: 400 QueueDoesNotExist: gone");
    }

    @Test
    void an_app_still_busy_at_the_timeout_fails_the_run() {
        assertThat(RunVerdict.of(List.of(200), List.of(), List.of(), Fault.NONE, false, List.of(),
                app(List.of(), Map.of(), false), Duration.ofMillis(2500), 0).failure())
                .isEqualTo("the app was still busy after --quiet-timeout 2.5 s (an invocation in flight, or a"
                        + " message or delivery waiting)");
    }
}
