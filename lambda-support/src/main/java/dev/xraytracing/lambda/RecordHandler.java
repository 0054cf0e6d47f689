package dev.xraytracing.lambda;

/**
 * Processes one record of a batch event, for {@link TracedBatch}. Throwing marks this record, and only this one, as
 * failed.
 *
 * @param <R> the record type: an SQS message, an SNS record, a Kinesis record, ...
 * @param <E> what the body may throw
 */
@FunctionalInterface
public interface RecordHandler<R, E extends Exception> {
    void handle(R record) throws E;
}
