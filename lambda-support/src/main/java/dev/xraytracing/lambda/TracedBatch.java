package dev.xraytracing.lambda;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * Processes the records of a batch event, one subsegment per record:
 * {@code return TracedBatch.forEachRecord(event, message -> save(message.getBody()));}
 *
 * <p>Each record's subsegment is named after its source ({@code SQS orders}, {@code SNS alerts}, ...) and annotated
 * {@code EventSource}, {@code MessageId} and, for an SQS message sent under a trace, {@code ProducerTraceId}; it links
 * to the producer's trace (X-Ray's {@code links}). A record that throws is recorded as a fault, annotated
 * {@code RecordFailed}, and the other records go on.
 *
 * <p>Where Lambda takes a partial batch response (SQS, Kinesis, DynamoDB Streams), the failed records come back as
 * its {@code batchItemFailures}: return the response from the handler, and declare {@code ReportBatchItemFailures}
 * on the event source mapping (without it Lambda ignores the response and a failed record is deleted with the rest).
 * Where it does not (SNS, S3, EventBridge: asynchronous invocations), the first record's exception, the same
 * instance, is rethrown once every record was processed, so that Lambda's retries and destinations apply.
 *
 * <p>Sampling: nothing is recorded under an unsampled invocation. SQS messages carry their producer's decision, and by
 * default only those whose {@code AWSTraceHeader} says {@code Sampled=1} are recorded ({@link RecordSampling}). No
 * exception from tracing reaches the records; every subsegment is closed on every path. Only a
 * {@link VirtualMachineError} stops the loop.
 */
public final class TracedBatch {
    private TracedBatch() {
    }

    /**
     * SQS, with the default {@link RecordSampling#BY_PRODUCER}. On a FIFO queue the records after a failed one are not
     * processed and are reported as failed too, so that the group's order holds (as AWS asks of FIFO consumers).
     */
    public static <E extends Exception> SQSBatchResponse forEachRecord(SQSEvent event,
            RecordHandler<SQSEvent.SQSMessage, E> handler) {
        return forEachRecord(event, RecordSampling.BY_PRODUCER, handler);
    }

    /** SQS, recording the records that {@code sampling} selects. */
    public static <E extends Exception> SQSBatchResponse forEachRecord(SQSEvent event, RecordSampling sampling,
            RecordHandler<SQSEvent.SQSMessage, E> handler) {
        List<SQSEvent.SQSMessage> records = event == null ? null : event.getRecords();
        RecordLoop<SQSEvent.SQSMessage> loop = RecordLoop.withProducerHeaders(EventKinds.Sqs.KIND, sampling)
                .run(records, handler, EventKinds.isFifo(records));
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (String id : loop.failedIds()) {
            failures.add(new SQSBatchResponse.BatchItemFailure(id));
        }
        return new SQSBatchResponse(failures);
    }

    /** Kinesis: failed records are named by sequence number in the response. */
    public static <E extends Exception> StreamsEventResponse forEachRecord(KinesisEvent event,
            RecordHandler<KinesisEvent.KinesisEventRecord, E> handler) {
        return streamsResponse(RecordLoop.followingTheInvocation(EventKinds.Kinesis.KIND)
                .run(event == null ? null : event.getRecords(), handler, false));
    }

    /** DynamoDB Streams: failed records are named by sequence number in the response. */
    public static <E extends Exception> StreamsEventResponse forEachRecord(DynamodbEvent event,
            RecordHandler<DynamodbEvent.DynamodbStreamRecord, E> handler) {
        return streamsResponse(RecordLoop.followingTheInvocation(EventKinds.Dynamodb.KIND)
                .run(event == null ? null : event.getRecords(), handler, false));
    }

    /** SNS (one record per invocation as Lambda delivers it); rethrows the first failure after the last record. */
    public static <E extends Exception> void forEachRecord(SNSEvent event, RecordHandler<SNSEvent.SNSRecord, E> handler)
            throws E {
        rethrowFirstFailure(RecordLoop.followingTheInvocation(EventKinds.Sns.KIND)
                .run(event == null ? null : event.getRecords(), handler, false));
    }

    /** S3 event notifications; rethrows the first failure after the last record. */
    public static <E extends Exception> void forEachRecord(S3Event event,
            RecordHandler<S3EventNotificationRecord, E> handler) throws E {
        rethrowFirstFailure(RecordLoop.followingTheInvocation(EventKinds.S3.KIND)
                .run(event == null ? null : event.getRecords(), handler, false));
    }

    /** EventBridge's single event, in a subsegment of its own; rethrows its failure. */
    public static <E extends Exception> void forEachRecord(ScheduledEvent event,
            RecordHandler<ScheduledEvent, E> handler) throws E {
        rethrowFirstFailure(RecordLoop.followingTheInvocation(EventKinds.EventBridge.KIND)
                .run(event == null ? null : List.of(event), handler, false));
    }

    private static StreamsEventResponse streamsResponse(RecordLoop<?> loop) {
        List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
        for (String id : loop.failedIds()) {
            failures.add(new StreamsEventResponse.BatchItemFailure(id));
        }
        return new StreamsEventResponse(failures);
    }

    @SuppressWarnings("unchecked")
    private static <E extends Exception> void rethrowFirstFailure(RecordLoop<?> loop) throws E {
        Throwable failure = loop.firstFailure();
        if (failure != null) {
            throw (E) failure; // the handler's own: a RuntimeException, an Error or its E
        }
    }
}
