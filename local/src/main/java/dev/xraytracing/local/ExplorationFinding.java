package dev.xraytracing.local;

import dev.xraytracing.local.app.Tolerance;
import java.util.List;

/**
 * One run of an exploration: the faults it injected, how the request fared and why, where the failure surfaced in the
 * trace, the trace, and what replays it with LocalRun.
 *
 * @param label        {@code MyFirstLambda sdk:Lambda.Invoke throttle}; a combination joins its faults with {@code +}
 * @param faults       each fault's label
 * @param why          why the request failed or degraded (null when tolerated)
 * @param surfacedAt   the highest failed entity on the fault's path, with its function (null: nothing failed)
 * @param traceId      the run's trace (null when it left none)
 * @param replay       the {@code --faults} rules (compact form) and options that replay it
 * @param equivalentTo the earlier run whose trace took the same path to the same answer, or null
 * @param tries        each try's verdict and why ({@code failed: 1 message reached ...}, {@code tolerated}), in order,
 *                     when a verdict that nothing on the faults' path explained was tried again (the verdict is the one
 *                     most tries reached); empty when the run was tried once
 */
public record ExplorationFinding(String label, List<String> faults, Tolerance tolerance, int status, String why,
                      String surfacedAt, String traceId, String replay, String equivalentTo, List<String> tries) {
    public ExplorationFinding {
        faults = List.copyOf(faults);
        tries = List.copyOf(tries);
    }

    public boolean singleFault() {
        return faults.size() == 1;
    }
}
