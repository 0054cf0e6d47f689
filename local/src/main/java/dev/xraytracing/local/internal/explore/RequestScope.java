package dev.xraytracing.local.internal.explore;

import dev.xraytracing.trace.RecordedEntity;
import dev.xraytracing.trace.RecordedLink;
import dev.xraytracing.trace.RecordedTrace;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which fault points a rule scoped to the entry's trace reaches, read from the baseline: every point of the entry's
 * own trace (an API request, SNS and EventBridge deliveries, direct invocations all carry it on), and the points of a
 * function whose invocation links to it (an SQS batch starts a new trace that links to its producers; the faults
 * module reads the link from the records' {@code AWSTraceHeader}). A point reached only further on (what the queue's
 * consumer sets off in its own trace) cannot be told apart by trace, so its rule applies to the whole environment,
 * which is fresh for each run and carries only the entry's work.
 */
final class RequestScope {
    private static final String LAMBDA_SERVICE = "AWS::Lambda";

    private final Set<FaultPoint> scoped;
    private final boolean known;

    private RequestScope(Set<FaultPoint> scoped, boolean known) {
        this.scoped = scoped;
        this.known = known;
    }

    /** The scope of the baseline's {@code traces}, sent with {@code entryTraceIds}. */
    static RequestScope of(Collection<RecordedTrace> traces, Collection<String> entryTraceIds) {
        Set<FaultPoint> scoped = new TreeSet<>();
        boolean known = false;
        for (RecordedTrace trace : traces) {
            if (entryTraceIds.contains(trace.traceId())) {
                known = true;
                scoped.addAll(FaultSpace.pointsIn(trace));
                continue;
            }
            Set<String> linkedFunctions = new TreeSet<>();
            for (RecordedEntity entity : trace.entities()) {
                if (entity.isSegment() && LAMBDA_SERVICE.equals(entity.origin()) && entity.links().stream()
                        .map(RecordedLink::traceId).anyMatch(entryTraceIds::contains)) {
                    linkedFunctions.add(entity.name());
                }
            }
            known |= !linkedFunctions.isEmpty(); // a producer outside the app sends no segment of its own
            FaultSpace.pointsIn(trace).stream().filter(point -> linkedFunctions.contains(point.function()))
                    .forEach(scoped::add);
        }
        return new RequestScope(scoped, known);
    }

    /**
     * Whether the entry's trace reached the daemon, or a batch linked to it did (a schedule's firing starts a trace of
     * its own: not known).
     */
    boolean known() {
        return known;
    }

    /** The trace root to scope {@code point}'s rule to in a run sent with {@code runRoot}; null: the environment. */
    String rootFor(FaultPoint point, String runRoot) {
        return known && scoped.contains(point) ? runRoot : null;
    }

    /** The points whose rules apply to the whole environment, of {@code points}. */
    List<FaultPoint> unscoped(Collection<FaultPoint> points) {
        return points.stream().filter(point -> !known || !scoped.contains(point)).toList();
    }
}
