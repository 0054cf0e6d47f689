package dev.xraytracing.local;

import dev.xraytracing.local.app.Fault;
import java.io.PrintStream;
import java.util.List;

/**
 * Whether a local run went as asked: no request answered 5xx unless a fault (the platform's {@code --fault}, or the
 * functions' rules of {@code --faults}) asked for failures, and no function failed during init. A failed run says why
 * in one line and exits non-zero.
 */
record RunVerdict(String failure) {
    static RunVerdict of(List<Integer> statuses, List<String> problems, List<String> functionErrors, Fault fault) {
        return of(statuses, problems, functionErrors, fault, false);
    }

    static RunVerdict of(List<Integer> statuses, List<String> problems, List<String> functionErrors, Fault fault,
                         boolean faultRules) {
        long serverErrors = statuses.stream().filter(status -> status >= 500).count();
        List<String> initFailures = problems.stream().filter(p -> p.contains("failed during init")).toList();
        if (!initFailures.isEmpty()) {
            return new RunVerdict(initFailures.get(0) + (initFailures.size() > 1 ? " (and "
                    + (initFailures.size() - 1) + " more)" : ""));
        }
        if (serverErrors > 0 && fault == Fault.NONE && !faultRules) {
            return new RunVerdict(serverErrors + " of " + statuses.size() + " requests answered 5xx ("
                    + statuses.stream().filter(s -> s >= 500).distinct().map(String::valueOf)
                    .reduce((a, b) -> a + ", " + b).orElse("") + ") and no --fault asked for it"
                    + (!problems.isEmpty() ? "; " + problems.get(0)
                    : !functionErrors.isEmpty() ? "; " + functionErrors.get(0) : ""));
        }
        return new RunVerdict(null);
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
