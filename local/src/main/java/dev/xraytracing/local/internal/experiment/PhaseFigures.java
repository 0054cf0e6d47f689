package dev.xraytracing.local.internal.experiment;

import dev.xraytracing.trace.RecordedEntity;
import dev.xraytracing.trace.RecordedTrace;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a phase measured: the share of requests that succeeded, the client's latency percentiles, the AWS SDK calls
 * the functions made with their attempts (from each call subsegment's {@code aws.retries}, plus one), and the entities
 * that failed (fault, error or throttle), counted by label.
 */
public record PhaseFigures(int requests, int succeeded, double p50, double p95, double p99,
                           Map<String, SdkCalls> sdkCalls, Map<String, Integer> failedEntities) {
    private static final String FUNCTION_ORIGIN = "AWS::Lambda::Function";

    /** The calls of one {@code Service.Operation}: how many, and their attempts in all and at most. */
    public record SdkCalls(int calls, int attempts, int maxAttempts) {
        public double attemptsPerCall() {
            return calls == 0 ? 0 : (double) attempts / calls;
        }

        SdkCalls plus(int callAttempts) {
            return new SdkCalls(calls + 1, attempts + callAttempts, Math.max(maxAttempts, callAttempts));
        }
    }

    public static PhaseFigures of(Phase phase) {
        int succeeded = (int) phase.requests().stream().filter(RequestOutcome::succeeded).count();
        Percentiles latency = Percentiles.of(phase.requests().stream().map(RequestOutcome::latencyMillis).toList());
        Map<String, SdkCalls> calls = new TreeMap<>();
        Map<String, Integer> failed = new TreeMap<>();
        for (RecordedTrace trace : phase.traces()) {
            for (RecordedEntity entity : trace.entities()) {
                if (isSdkCall(entity)) {
                    String key = entity.name() + "." + entity.aws().operation();
                    calls.put(key, calls.getOrDefault(key, new SdkCalls(0, 0, 0)).plus(entity.aws().retries() + 1));
                }
                if (failed(entity)) {
                    failed.merge(label(entity), 1, Integer::sum);
                }
            }
        }
        return new PhaseFigures(phase.requests().size(), succeeded, latency.at(50), latency.at(95), latency.at(99),
                calls, failed);
    }

    /** The share of requests that succeeded, 0 to 1 (1 for none). */
    public double successRate() {
        return requests == 0 ? 1 : (double) succeeded / requests;
    }

    /** A subsegment the SDK interceptor recorded inside a function: namespace {@code aws}, with an operation. */
    public static boolean isSdkCall(RecordedEntity entity) {
        return !entity.isSegment() && "aws".equals(entity.namespace()) && entity.aws().operation() != null
                && FUNCTION_ORIGIN.equals(entity.owningSegment().origin());
    }

    public static boolean failed(RecordedEntity entity) {
        return entity.isFault() || entity.isError() || entity.isThrottle();
    }

    /** The entity as the waterfall names it: its name, then its namespace or origin in brackets. */
    public static String label(RecordedEntity entity) {
        StringBuilder label = new StringBuilder(entity.name());
        if (entity.namespace() != null) {
            label.append(" [").append(entity.namespace()).append(']');
        }
        if (entity.origin() != null) {
            label.append(" [").append(entity.origin()).append(']');
        }
        return label.toString();
    }
}
