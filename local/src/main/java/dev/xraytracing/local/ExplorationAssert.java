package dev.xraytracing.local;

import dev.xraytracing.local.app.Tolerance;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Resilience guarantees on an {@link Exploration}, for CI:
 * {@code assertThat(exploration).toleratesEverySingleFault().except("MyFirstLambda sdk:Lambda.Invoke throttle")}.
 * A failure is an {@link AssertionError} that lists each offending fault with its verdict, why, where it surfaced and
 * what replays it. (The test kit cannot hold these: the local module depends on it, so they live here, beside the
 * exploration.)
 */
public final class ExplorationAssert {
    private final Exploration exploration;

    private ExplorationAssert(Exploration exploration) {
        this.exploration = exploration;
    }

    public static ExplorationAssert assertThat(Exploration exploration) {
        return new ExplorationAssert(exploration);
    }

    /**
     * Every single fault that ran must be tolerated; finish with {@link SingleFaults#except} naming the faults that
     * may fail or degrade, or {@link SingleFaults#withoutException()}.
     */
    public SingleFaults toleratesEverySingleFault() {
        return new SingleFaults(exploration.singleFaults());
    }

    /** The single fault of this label must have failed the request. */
    public ExplorationAssert fails(String label) {
        return verdict(label, Tolerance.FAILED);
    }

    /** The single fault of this label must have been tolerated. */
    public ExplorationAssert tolerates(String label) {
        return verdict(label, Tolerance.TOLERATED);
    }

    private ExplorationAssert verdict(String label, Tolerance expected) {
        ExplorationFinding finding = exploration.finding(label).orElseThrow(() -> new AssertionError("Expected the exploration"
                + " to have run " + label + " but it did not; it ran:\n  " + exploration.findings().stream()
                .map(ExplorationFinding::label).collect(Collectors.joining("\n  "))));
        if (finding.tolerance() != expected) {
            throw new AssertionError("Expected " + label + " to be " + expected.word() + " but it was "
                    + describe(finding));
        }
        return this;
    }

    /** The check of {@link #toleratesEverySingleFault()}, made by its closing call. */
    public final class SingleFaults {
        private final List<ExplorationFinding> singles;

        private SingleFaults(List<ExplorationFinding> singles) {
            this.singles = singles;
        }

        /**
         * Checks every single fault but these: a label ({@code MyFirstLambda sdk:Lambda.Invoke throttle}), one without
         * the function ({@code sdk:Lambda.Invoke throttle}, that failure in every function), or a point ({@code
         * MyFirstLambda sdk:Lambda.Invoke}, each of its failures). An
         * exception that names no fault the exploration ran fails too, so a stale one does not hide.
         */
        public ExplorationAssert except(String... faults) {
            List<String> excepted = Arrays.asList(faults);
            for (String fault : excepted) {
                if (singles.stream().noneMatch(finding -> names(fault, finding))) {
                    throw new AssertionError("The exception '" + fault + "' names no single fault the exploration "
                            + "ran; it ran:\n  " + singles.stream().map(ExplorationFinding::label)
                            .collect(Collectors.joining("\n  ")));
                }
            }
            List<ExplorationFinding> offending = new ArrayList<>();
            for (ExplorationFinding finding : singles) {
                if (finding.tolerance() != Tolerance.TOLERATED
                        && excepted.stream().noneMatch(fault -> names(fault, finding))) {
                    offending.add(finding);
                }
            }
            if (!offending.isEmpty()) {
                throw new AssertionError("Expected the request to tolerate every single fault"
                        + (excepted.isEmpty() ? "" : " except " + excepted) + ", but " + offending.size() + " of "
                        + singles.size() + " did not:\n  " + offending.stream().map(ExplorationAssert::describe)
                        .collect(Collectors.joining("\n  ")));
            }
            return ExplorationAssert.this;
        }

        /** Checks every single fault. */
        public ExplorationAssert withoutException() {
            return except();
        }
    }

    static boolean names(String fault, ExplorationFinding finding) {
        return finding.label().equals(fault) || finding.label().endsWith(" " + fault)
                || finding.label().startsWith(fault + " ");
    }

    static String describe(ExplorationFinding finding) {
        return finding.label() + ": " + finding.tolerance().word() + " (" + finding.status()
                + (finding.why() != null ? ", " + finding.why() : "") + ")"
                + (finding.surfacedAt() != null ? ", surfaced at " + finding.surfacedAt() : "")
                + (finding.tries().isEmpty() ? "" : ", tries: " + String.join("; ", finding.tries()))
                + ", replay: " + finding.replay();
    }
}
