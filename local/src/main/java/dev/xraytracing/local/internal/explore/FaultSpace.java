package dev.xraytracing.local.internal.explore;

import dev.xraytracing.local.internal.experiment.PhaseFigures;
import dev.xraytracing.trace.RecordedEntity;
import dev.xraytracing.trace.RecordedTrace;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The fault points a trace shows were reached: each invocation the Lambda service made (an {@code AWS::Lambda}
 * segment), each traced handler (its {@code ## handleRequest} subsegment), each SDK call site the interceptor recorded
 * in a function, and each named block ({@code Tracing.sub}/{@code run}: a plain subsegment of a function that is none
 * of those, nor one of Lambda's phases, an SDK attempt or injected time).
 */
public final class FaultSpace {
    private static final String LAMBDA_SERVICE = "AWS::Lambda";
    private static final String FUNCTION = "AWS::Lambda::Function";
    private static final Set<String> LAMBDA_PHASES = Set.of("Initialization", "Invocation", "Overhead", "Restore");
    private static final Pattern ATTEMPT = Pattern.compile("Attempt \\d+");

    private FaultSpace() {
    }

    /** The points reached in any of {@code traces}, in report order. */
    public static List<FaultPoint> pointsOf(Collection<RecordedTrace> traces) {
        Set<FaultPoint> points = new TreeSet<>();
        traces.forEach(trace -> points.addAll(pointsIn(trace)));
        return List.copyOf(points);
    }

    /** The points one trace reached. */
    public static Set<FaultPoint> pointsIn(RecordedTrace trace) {
        Set<FaultPoint> points = new TreeSet<>();
        for (RecordedEntity entity : trace.entities()) {
            FaultPoint point = pointOf(entity);
            if (point != null) {
                points.add(point);
            }
        }
        return points;
    }

    /** Every failure of every point, in the order the exploration runs them: cheap ones first, timeouts last. */
    public static List<Injection> singleFaults(List<FaultPoint> points) {
        List<Injection> cheap = new ArrayList<>();
        List<Injection> timeouts = new ArrayList<>();
        for (FaultPoint point : points) {
            for (Injection injection : Failures.of(point)) {
                (injection.waitsForTimeout() ? timeouts : cheap).add(injection);
            }
        }
        cheap.addAll(timeouts);
        return cheap;
    }

    /** The point {@code entity} stands for, or null. */
    static FaultPoint pointOf(RecordedEntity entity) {
        if (entity.isSegment()) {
            return LAMBDA_SERVICE.equals(entity.origin()) ? FaultPoint.invocation(entity.name()) : null;
        }
        RecordedEntity segment = entity.owningSegment();
        if (!FUNCTION.equals(segment.origin())) {
            return null;
        }
        String function = segment.name();
        if (PhaseFigures.isSdkCall(entity)) {
            return FaultPoint.sdk(function, entity.name(), entity.aws().operation());
        }
        if (isHandler(entity)) {
            return FaultPoint.handler(function);
        }
        if (entity.namespace() != null || LAMBDA_PHASES.contains(entity.name())
                || ATTEMPT.matcher(entity.name()).matches() || entity.name().startsWith("FaultInjection")
                || insideSdkCall(entity)) {
            return null;
        }
        return FaultPoint.block(function, entity.name());
    }

    /** The subsegment our tracer opens around the handler ({@code ## handleRequest}). */
    static boolean isHandler(RecordedEntity entity) {
        return !entity.isSegment() && entity.name().startsWith("## ");
    }

    private static boolean insideSdkCall(RecordedEntity entity) {
        for (RecordedEntity above = entity.parent().orElse(null); above != null && !above.isSegment();
             above = above.parent().orElse(null)) {
            if (PhaseFigures.isSdkCall(above)) {
                return true;
            }
        }
        return false;
    }
}
