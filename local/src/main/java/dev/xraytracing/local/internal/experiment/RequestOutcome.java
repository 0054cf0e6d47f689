package dev.xraytracing.local.internal.experiment;

/** One measured request: its status, how long the client waited, and its trace's id (null when unknown). */
public record RequestOutcome(int status, double latencyMillis, String traceId) {
    /** What counts as success: an answer below 400. */
    public boolean succeeded() {
        return status < 400;
    }
}
