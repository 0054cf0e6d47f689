package dev.xraytracing.lambda;

/**
 * Which SQS records of a recorded invocation get a subsegment of their own (see {@link TracedBatch}). A record's
 * subsegment needs a recorded invocation to hang under: under an unsampled invocation nothing is recorded either way.
 */
public enum RecordSampling {
    /**
     * The default, the X-Ray SDK's "oversampling mitigation": a record is recorded only when its own
     * {@code AWSTraceHeader} says {@code Sampled=1}, so that a sampled batch does not record every message of
     * producers that sampled few.
     */
    BY_PRODUCER,
    /** Every record of a recorded invocation, whatever its producer decided. */
    WITH_INVOCATION
}
