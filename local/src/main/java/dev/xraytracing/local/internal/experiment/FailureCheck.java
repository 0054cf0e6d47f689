package dev.xraytracing.local.internal.experiment;

import dev.xraytracing.trace.RecordedEntity;
import dev.xraytracing.trace.RecordedTrace;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Whether every failure of a phase is explained by an injected fault. The injection points are the subsegments a rule
 * hit ({@code FaultInjected=true} with a {@code FaultRule}; the handler's own {@code FaultInjected} mark alone is not
 * one). A failed entity is explained when an injection point is on its path: it is one, lies below one (the attempts
 * of a faulted SDK call), or lies above one (the failure rose from it); or when it is a phase subsegment the Lambda
 * service records for a function segment that is explained ({@code Invocation} fails with the function it times). A failed request is explained when its trace is known and
 * holds an injection point. Everything else is listed, one line each.
 */
public record FailureCheck(int failedRequests, int failedEntities, List<String> unexplained) {
    private static final Set<String> LAMBDA_PHASES = Set.of("Initialization", "Invocation", "Overhead");

    public FailureCheck {
        unexplained = List.copyOf(unexplained);
    }

    public int failures() {
        return failedRequests + failedEntities;
    }

    public boolean allExplained() {
        return unexplained.isEmpty();
    }

    public static FailureCheck of(Phase phase) {
        int failedRequests = 0;
        int failedEntities = 0;
        List<String> unexplained = new ArrayList<>();
        for (int i = 0; i < phase.requests().size(); i++) {
            RequestOutcome request = phase.requests().get(i);
            if (request.succeeded()) {
                continue;
            }
            failedRequests++;
            String what = "request " + (i + 1) + " answered " + request.status();
            var trace = phase.traceOf(request);
            if (trace.isEmpty()) {
                unexplained.add(what + " and left no trace to explain it");
            } else if (trace.get().entities().stream().noneMatch(FailureCheck::isInjectionPoint)) {
                unexplained.add(what + ": its trace " + trace.get().traceId() + " holds no injected fault");
            }
        }
        for (RecordedTrace trace : phase.traces()) {
            for (RecordedEntity entity : trace.entities()) {
                if (PhaseFigures.failed(entity)) {
                    failedEntities++;
                    if (!explained(entity)) {
                        unexplained.add(PhaseFigures.label(entity) + " failed in trace " + trace.traceId()
                                + " with no injected fault on its path");
                    }
                }
            }
        }
        return new FailureCheck(failedRequests, failedEntities, unexplained);
    }

    /** A subsegment a fault rule hit. */
    public static boolean isInjectionPoint(RecordedEntity entity) {
        return Boolean.TRUE.equals(entity.annotations().get("FaultInjected"))
                && entity.annotations().get("FaultRule") != null;
    }

    public static boolean explained(RecordedEntity entity) {
        if (entity.descendantsAndSelf().stream().anyMatch(FailureCheck::isInjectionPoint)) {
            return true;
        }
        for (RecordedEntity above = entity.parent().orElse(null); above != null; above = above.parent().orElse(null)) {
            if (isInjectionPoint(above)) {
                return true;
            }
        }
        if (!entity.isSegment() && LAMBDA_PHASES.contains(entity.name())) {
            RecordedEntity function = entity.parent().orElse(null);
            return function != null && function.isSegment() && "AWS::Lambda::Function".equals(function.origin())
                    && function.descendantsAndSelf().stream().anyMatch(FailureCheck::isInjectionPoint);
        }
        return false;
    }
}
