package dev.xraytracing.local;

import dev.xraytracing.local.app.Fault;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Whether a local run went as asked. It fails, in this order of the reasons it names, when a function failed during
 * init; when an entry never entered the app (a queue, topic or bus refused it); when a request answered 5xx (a direct
 * invocation's function error counts as 502) and no fault (the platform's {@code --fault}, or the functions' rules of
 * {@code --faults}) asked for failures; when an invocation by an event source (queue, topic, bus, schedule, bucket)
 * ended in a function or Lambda error and no fault asked for failures, since nobody else answers for it; when the app
 * was still busy at the end of {@code --quiet-timeout}; when the dead-letter queues hold another number of messages
 * than {@code --expect-dead-letters} (0 unless given). Records a function reports in {@code batchItemFailures} are
 * an answer, not an error: they fail the run only if they end in a dead-letter queue nobody expected. A failed run
 * says why in one line and exits non-zero.
 */
record RunVerdict(String failure) {
    /** What the app left behind after its entries, for the verdict and the summary. */
    record AppState(List<String> functionErrors, List<String> eventSourceErrors, List<String> summary,
                    Map<String, Integer> deadLetters, boolean quiet) {
        AppState {
            functionErrors = List.copyOf(functionErrors);
            eventSourceErrors = List.copyOf(eventSourceErrors);
            summary = List.copyOf(summary);
            deadLetters = Map.copyOf(deadLetters);
        }

        int deadLetterCount() {
            return deadLetters.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    static RunVerdict of(List<Integer> statuses, List<String> problems, List<String> functionErrors, Fault fault) {
        return of(statuses, problems, functionErrors, fault, false);
    }

    static RunVerdict of(List<Integer> statuses, List<String> problems, List<String> functionErrors, Fault fault,
                         boolean faultRules) {
        return of(statuses, problems, functionErrors, fault, faultRules, List.of(),
                new AppState(functionErrors, List.of(), List.of(), Map.of(), true), Duration.ZERO, 0);
    }

    static RunVerdict of(List<Integer> statuses, List<String> problems, List<String> functionErrors, Fault fault,
                         boolean faultRules, List<String> refused, AppState app, Duration quietTimeout,
                         int expectedDeadLetters) {
        boolean failuresAsked = fault != Fault.NONE || faultRules;
        long serverErrors = statuses.stream().filter(status -> status >= 500).count();
        List<String> initFailures = problems.stream().filter(p -> p.contains("failed during init")).toList();
        if (!initFailures.isEmpty()) {
            return new RunVerdict(firstOf(initFailures));
        }
        if (!refused.isEmpty()) {
            return new RunVerdict(firstOf(refused));
        }
        if (serverErrors > 0 && !failuresAsked) {
            return new RunVerdict(serverErrors + " of " + statuses.size() + " requests answered 5xx ("
                    + statuses.stream().filter(s -> s >= 500).distinct().map(String::valueOf)
                    .reduce((a, b) -> a + ", " + b).orElse("") + ") and no --fault asked for it"
                    + (!problems.isEmpty() ? "; " + problems.get(0)
                    : !functionErrors.isEmpty() ? "; " + functionErrors.get(0) : ""));
        }
        if (!app.eventSourceErrors().isEmpty() && !failuresAsked) {
            int count = app.eventSourceErrors().size();
            return new RunVerdict(count + " invocation" + (count == 1 ? "" : "s") + " by an event source failed and"
                    + " no --fault asked for it; " + app.eventSourceErrors().get(0));
        }
        if (!app.quiet()) {
            return new RunVerdict(String.format(Locale.ROOT, "the app was still busy after --quiet-timeout %s s"
                    + " (an invocation in flight, or a message or delivery waiting)", seconds(quietTimeout)));
        }
        if (app.deadLetterCount() != expectedDeadLetters) {
            String held = app.deadLetters().entrySet().stream().filter(e -> e.getValue() > 0)
                    .sorted(Map.Entry.comparingByKey()).map(e -> e.getKey() + ": " + e.getValue())
                    .collect(Collectors.joining(", "));
            return new RunVerdict("the dead-letter queues hold " + app.deadLetterCount() + " message"
                    + (app.deadLetterCount() == 1 ? "" : "s") + (held.isEmpty() ? "" : " (" + held + ")")
                    + " and --expect-dead-letters said " + expectedDeadLetters);
        }
        return new RunVerdict(null);
    }

    private static String firstOf(List<String> reasons) {
        return reasons.get(0) + (reasons.size() > 1 ? " (and " + (reasons.size() - 1) + " more)" : "");
    }

    /** {@code 60}, or {@code 2.5}: seconds as a user gives them. */
    static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? Long.toString(duration.toSeconds())
                : String.format(Locale.ROOT, "%.1f", duration.toMillis() / 1000.0);
    }

    /** Prints the failure line, if any; returns the exit code. */
    int report(PrintStream out) {
        if (failure == null) {
            return 0;
        }
        out.println("xray-tracing-local: FAILED: " + failure);
        return 1;
    }
}
