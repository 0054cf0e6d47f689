package dev.xraytracing.lambda;

/**
 * What one event type's records say about themselves ({@link EventKinds} has one subclass per type). Methods to
 * override, not functions to pass: each lambda costs a spun class on a cold start (docs/benchmarks.md).
 */
abstract class RecordKind<R> {
    private final String eventSource;

    /** {@code eventSource} is the {@code EventSource} annotation ({@code aws:sqs}, ...). */
    RecordKind(String eventSource) {
        this.eventSource = eventSource;
    }

    final String eventSource() {
        return eventSource;
    }

    /** Names a record's subsegment ({@code SQS orders}). */
    abstract String subsegmentName(R record);

    /** The {@code MessageId} annotation, and what a batch response names a failed record by. */
    abstract String id(R record);

    /** The producer's trace header the record carries itself, or null (only SQS records carry one). */
    String producerHeader(R record) {
        return null;
    }

    /** When the record was sent, in epoch milliseconds as text, or null (SQS's {@code SentTimestamp}). */
    String sentMillis(R record) {
        return null;
    }
}
