package dev.xraytracing.local.internal.explore;

import dev.xraytracing.local.internal.experiment.FailureCheck;
import dev.xraytracing.local.internal.experiment.PhaseFigures;
import dev.xraytracing.trace.RecordedEntity;
import dev.xraytracing.trace.RecordedTrace;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the explorer reads in a faulted run's trace: where the injected fault surfaced, what absorbed it, and the
 * run's signature for equivalence pruning.
 */
final class TraceReading {
    private TraceReading() {
    }

    /**
     * Where the failure rose to: from each entity a fault hit (a rule's injection point, or for a Lambda-service fault
     * the failed invocation), up through every failed parent, to the last failed one, as the experiment's "explained"
     * walk follows it. Null when nothing on the way failed (a latency, a dry run).
     */
    static RecordedEntity surfacedAt(RecordedTrace trace, List<Injection> injections) {
        RecordedEntity highest = null;
        int highestDepth = Integer.MAX_VALUE;
        for (RecordedEntity start : starts(trace, injections)) {
            if (!PhaseFigures.failed(start)) {
                continue;
            }
            RecordedEntity top = start;
            for (RecordedEntity above = start.parent().orElse(null); above != null && PhaseFigures.failed(above);
                 above = above.parent().orElse(null)) {
                top = above;
            }
            int depth = depth(top);
            if (depth < highestDepth) {
                highest = top;
                highestDepth = depth;
            }
        }
        if (highest == null && injections.stream().anyMatch(injection -> injection.platformFault() != null)) {
            // The Lambda service's fault marks no entity of its own: the failure shows where it reached the caller.
            for (RecordedEntity entity : trace.entities()) {
                if (PhaseFigures.failed(entity) && depth(entity) < highestDepth) {
                    highest = entity;
                    highestDepth = depth(entity);
                }
            }
        }
        return highest;
    }

    /** The failed entity's label and the function (or service) it belongs to. */
    static String describe(RecordedEntity entity) {
        if (entity == null) {
            return null;
        }
        String label = PhaseFigures.label(entity);
        RecordedEntity segment = entity.owningSegment();
        return entity.isSegment() || segment == entity ? label : label + " in " + segment.name();
    }

    private static List<RecordedEntity> starts(RecordedTrace trace, List<Injection> injections) {
        List<RecordedEntity> starts = new ArrayList<>();
        for (RecordedEntity entity : trace.entities()) {
            if (FailureCheck.isInjectionPoint(entity)) {
                starts.add(entity);
            }
        }
        for (Injection injection : injections) {
            if (injection.platformFault() == null) {
                continue;
            }
            String function = injection.point().function();
            for (RecordedEntity entity : trace.entities()) {
                boolean lambdaSegment = entity.isSegment() && "AWS::Lambda".equals(entity.origin())
                        && function.equals(entity.name());
                boolean call = PhaseFigures.isSdkCall(entity) && "Invoke".equals(entity.aws().operation())
                        && entity.document().contains("\"" + function + "\"");
                if (lambdaSegment || call) {
                    starts.add(entity);
                }
            }
        }
        return starts;
    }

    private static int depth(RecordedEntity entity) {
        int depth = 0;
        for (RecordedEntity above = entity.parent().orElse(null); above != null; above = above.parent().orElse(null)) {
            depth++;
        }
        return depth;
    }

    /**
     * The points that absorbed a tolerated fault, which LDFI fails next: points this run reached that the baseline did
     * not (a fallback, another path), and SDK calls that succeeded after a retry. Points already faulted are left out.
     */
    static Set<FaultPoint> absorbers(List<RecordedTrace> traces, Set<FaultPoint> baselinePoints,
                                     List<Injection> injected) {
        Set<FaultPoint> absorbers = new TreeSet<>(FaultSpace.pointsOf(traces));
        absorbers.removeAll(baselinePoints);
        for (RecordedTrace trace : traces) {
            for (RecordedEntity entity : trace.entities()) {
                if (PhaseFigures.isSdkCall(entity) && entity.aws().retries() > 0 && !PhaseFigures.failed(entity)) {
                    absorbers.add(FaultSpace.pointOf(entity));
                }
            }
        }
        injected.forEach(injection -> absorbers.remove(injection.point()));
        return absorbers;
    }

    /**
     * The run's signature for Filibuster's equivalence pruning: the answer (status and body) and the fault points the
     * request reached outside the functions the faults went into. Two faults with the same signature looked the same
     * to the rest of the app, so combinations built on one stand for those built on the other.
     */
    static String signature(int status, String body, List<RecordedTrace> traces, List<Injection> injections) {
        Set<String> faulted = new TreeSet<>();
        injections.forEach(injection -> faulted.add(injection.point().function()));
        StringBuilder signature = new StringBuilder().append(status).append(' ').append(body);
        if (!traces.isEmpty()) {
            FaultSpace.pointsOf(traces).stream().filter(point -> !faulted.contains(point.function()))
                    .sorted(Comparator.naturalOrder()).forEach(point -> signature.append(" | ").append(point.label()));
        }
        return signature.toString();
    }
}
