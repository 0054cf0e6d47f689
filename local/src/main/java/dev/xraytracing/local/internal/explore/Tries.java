package dev.xraytracing.local.internal.explore;

import dev.xraytracing.local.app.Tolerance;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * When a run is tried again, and what its tries decide. A run that did not hold while nothing on its faults' path failed
 * (the report's "surfaced nowhere in the trace") may have met the machine rather than the fault: a cold start on a busy
 * core, a function's timeout reached by everything but the fault. Such a run is tried once more on a fresh environment;
 * when the two tries disagree, a third decides. A verdict the fault explains (the rule's exception rose to the answer)
 * is not tried again: it would only repeat. Nor is an injected timeout, whose killed function never sends the marked
 * subsegment: the timeout is its explanation, and each try would cost the function's whole timeout.
 */
final class Tries {
    /** The most tries one run gets. */
    static final int MOST = 3;

    private Tries() {
    }

    /**
     * Whether {@code first} needs another try: it did not hold, its failure surfaced nowhere in the trace, and none of
     * its faults is a timeout.
     */
    static boolean unexplained(ExplorationRun first) {
        return first.tolerance() != Tolerance.TOLERATED && first.surfacedAt() == null
                && first.injections().stream().noneMatch(Injection::waitsForTimeout);
    }

    /** Whether the tries so far decide the run: one explained try, two that agree, or three. */
    static boolean decided(List<ExplorationRun> tries) {
        return tries.size() == 1 ? !unexplained(tries.get(0))
                : tries.size() == MOST || tries.get(0).tolerance() == tries.get(1).tolerance();
    }

    /**
     * The verdict most tries reached (the worst when three tries reached three), represented by the first try that
     * reached it, carrying every try's verdict in order.
     */
    static ExplorationRun verdict(List<ExplorationRun> tries) {
        Map<Tolerance, Long> counts = tries.stream().collect(Collectors.groupingBy(ExplorationRun::tolerance,
                Collectors.counting()));
        Tolerance verdict = counts.entrySet().stream().filter(e -> e.getValue() * 2 > tries.size())
                .map(Map.Entry::getKey).findFirst()
                .orElseGet(() -> counts.keySet().stream().max(Enum::compareTo).orElseThrow());
        ExplorationRun chosen = tries.stream().filter(run -> run.tolerance() == verdict).findFirst().orElseThrow();
        return chosen.withTries(tries.stream().map(Tries::describe).toList());
    }

    /** {@code failed: 1 message reached the dead-letter queue OrdersDlq}, or {@code tolerated}. */
    static String describe(ExplorationRun run) {
        return run.tolerance().word() + (run.why() != null ? ": " + run.why() : "");
    }

    /**
     * One line on the tries of {@code run}: {@code failed on each of 2 tries} when they agreed, else {@code tried 3
     * times: failed, tolerated, tolerated; failed: 1 message reached ...} with the why of each try that did not reach
     * the run's verdict; null for a run tried once.
     */
    static String summary(ExplorationRun run) {
        List<String> tries = run.tries();
        if (tries.size() < 2) {
            return null;
        }
        Function<String, String> word = line -> line.contains(":") ? line.substring(0, line.indexOf(':')) : line;
        List<String> words = tries.stream().map(word).toList();
        if (words.stream().distinct().count() == 1) {
            return words.get(0) + " on each of " + tries.size() + " tries";
        }
        return "tried " + tries.size() + " times: " + String.join(", ", words) + "; " + tries.stream()
                .filter(line -> !word.apply(line).equals(run.tolerance().word())).distinct()
                .collect(Collectors.joining("; "));
    }
}
