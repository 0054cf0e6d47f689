package dev.xraytracing.local.internal.explore;

import dev.xraytracing.local.app.Tolerance;
import dev.xraytracing.trace.RecordedTrace;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One run of the exploration: the faults injected (one, or a combination), the answer, the verdict and why, where the
 * failure surfaced, its traces (the entry's first, then those an asynchronous app went on in) and documents, the run
 * this one is equivalent to (null when it is the first of its kind), and each try's verdict when it was tried more than
 * once ({@link Tries}; empty when it was tried once).
 */
public record ExplorationRun(List<Injection> injections, int status, String body, double latencyMillis,
                             Tolerance tolerance, String why, String surfacedAt, String traceId,
                             List<RecordedTrace> traces,
                             List<String> documents, String signature, String equivalentTo, List<String> tries) {
    public ExplorationRun {
        tries = List.copyOf(tries);
        injections = List.copyOf(injections);
        traces = List.copyOf(traces);
        documents = List.copyOf(documents);
    }

    /** {@code MyFirstLambda sdk:Lambda.Invoke throttle}, or the faults of a combination joined by {@code +}. */
    public String label() {
        return injections.stream().map(Injection::label).collect(Collectors.joining(" + "));
    }

    public boolean single() {
        return injections.size() == 1;
    }

    /**
     * What replays the run with LocalRun: the rules in the faults module's compact form for a {@code --faults} file,
     * and the Lambda service's {@code --fault} options.
     */
    public String replay(long seed) {
        String rules = injections.stream().filter(i -> i.platformFault() == null).map(Injection::replay)
                .collect(Collectors.joining(";"));
        String platform = injections.stream().filter(i -> i.platformFault() != null).map(Injection::replay)
                .collect(Collectors.joining(" "));
        StringBuilder line = new StringBuilder();
        if (!rules.isEmpty()) {
            line.append("--faults FILE (").append(rules).append(")");
            String functions = injections.stream().filter(i -> i.platformFault() == null)
                    .map(i -> i.point().function()).distinct().map(f -> "--env " + f + ":XRAY_TRACING_FAULTS_SEED="
                            + seed).collect(Collectors.joining(" "));
            line.append(' ').append(functions);
        }
        if (!platform.isEmpty()) {
            line.append(line.length() > 0 ? " " : "").append(platform);
        }
        return line.toString();
    }

    ExplorationRun equivalentTo(String other) {
        return new ExplorationRun(injections, status, body, latencyMillis, tolerance, why, surfacedAt, traceId, traces,
                documents, signature, other, tries);
    }

    ExplorationRun withTries(List<String> all) {
        return new ExplorationRun(injections, status, body, latencyMillis, tolerance, why, surfacedAt, traceId, traces,
                documents, signature, equivalentTo, all.size() < 2 ? List.of() : all);
    }
}
