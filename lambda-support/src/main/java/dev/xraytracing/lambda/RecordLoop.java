package dev.xraytracing.lambda;

import dev.xraytracing.Sub;
import dev.xraytracing.SubRunnable;
import dev.xraytracing.Tracing;
import dev.xraytracing.internal.Links;
import dev.xraytracing.internal.Spans;
import dev.xraytracing.internal.TraceHeader;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a handler over the records of one batch: one subsegment per recorded record, each record's failure kept to
 * itself. Package-private so that it can take the public {@link RecordHandler} without a package cycle.
 */
final class RecordLoop<R> {
    /** What one event type's records say about themselves. */
    interface RecordKind<R> {
        /** The record's subsegment name, such as {@code SQS orders}. */
        String subsegmentName(R record);

        /** The {@code EventSource} annotation: {@code aws:sqs}, {@code aws:sns}, ... */
        String eventSource();

        /** The {@code MessageId} annotation, and the id a batch response names a failed record by; may be null. */
        String id(R record);

        /** The producer's trace header carried by the record itself, or null (only SQS records carry one). */
        default String producerHeader(R record) {
            return null;
        }
    }

    private final RecordKind<R> kind;
    private final RecordSampling sampling;
    private final boolean headerPerRecord;
    private List<String> failedIds;
    private Throwable firstFailure;

    private RecordLoop(RecordKind<R> kind, RecordSampling sampling, boolean headerPerRecord) {
        this.kind = kind;
        this.sampling = sampling;
        this.headerPerRecord = headerPerRecord;
    }

    /** A loop for records that carry their producer's header (SQS): the sampling rule applies to each. */
    static <R> RecordLoop<R> withProducerHeaders(RecordKind<R> kind, RecordSampling sampling) {
        return new RecordLoop<>(kind, sampling == null ? RecordSampling.BY_PRODUCER : sampling, true);
    }

    /** A loop for records without a header of their own: each is recorded when the invocation is. */
    static <R> RecordLoop<R> followingTheInvocation(RecordKind<R> kind) {
        return new RecordLoop<>(kind, RecordSampling.WITH_INVOCATION, false);
    }

    /**
     * Processes every record; with {@code stopAtFirstFailure} (an SQS FIFO queue, whose order must hold) the records
     * after a failed one are not processed and count as failed.
     */
    RecordLoop<R> run(List<R> records, RecordHandler<R, ?> handler, boolean stopAtFirstFailure) {
        if (records == null) {
            return this;
        }
        boolean recording = invocationRecords();
        for (R record : records) {
            if (stopAtFirstFailure && firstFailure != null) {
                failed(record, null);
                continue;
            }
            try {
                if (recording) {
                    process(record, handler);
                } else {
                    handler.handle(record); // an unsampled invocation records no record: nothing allocated
                }
            } catch (VirtualMachineError fatal) {
                throw fatal; // the JVM is in trouble: the whole batch is Lambda's to retry
            } catch (Throwable thrown) {
                failed(record, thrown);
            }
        }
        return this;
    }

    private static boolean invocationRecords() {
        try {
            return Spans.wouldRecord();
        } catch (Throwable failure) {
            return false; // tracing never stops the records: they run untraced
        }
    }

    private void process(R record, RecordHandler<R, ?> handler) throws Exception {
        String header = headerPerRecord ? kind.producerHeader(record) : null;
        if (headerPerRecord && sampling == RecordSampling.BY_PRODUCER && !sampledByProducer(header)) {
            handler.handle(record); // oversampling mitigation: no subsegment, nothing allocated
            return;
        }
        Tracing.run(subsegmentName(record), (SubRunnable<Exception>) sub -> {
            if (sub.isRecording()) {
                describe(sub, record, header);
            }
            try {
                handler.handle(record);
            } catch (Exception | Error thrown) {
                sub.annotate("RecordFailed", true);
                throw thrown;
            }
        });
    }

    private String subsegmentName(R record) {
        try {
            return kind.subsegmentName(record);
        } catch (RuntimeException malformed) {
            return kind.eventSource(); // a record missing its source ARN still gets a subsegment
        }
    }

    private static boolean sampledByProducer(String header) {
        return header != null && header.contains("Sampled=1") && TraceHeader.parse(header).isSampled();
    }

    private void describe(Sub sub, R record, String header) {
        sub.annotate("EventSource", kind.eventSource());
        String id = safeId(record);
        if (id != null) {
            sub.annotate("MessageId", id);
        }
        if (header == null) {
            return;
        }
        TraceHeader producer = TraceHeader.parse(header);
        if (producer.root() != null) {
            sub.annotate("ProducerTraceId", producer.root());
            sub.xraySubsegment().ifPresent(entity -> Links.add(entity, producer.root(), producer.parent()));
        }
    }

    private String safeId(R record) {
        try {
            return kind.id(record);
        } catch (RuntimeException malformed) {
            return null;
        }
    }

    private void failed(R record, Throwable thrown) {
        if (firstFailure == null && thrown != null) {
            firstFailure = thrown;
        } else if (firstFailure == null) {
            firstFailure = new IllegalStateException("not processed: an earlier record failed");
        }
        if (failedIds == null) {
            failedIds = new ArrayList<>();
        }
        // A record without an id is reported with none: Lambda then retries the whole batch instead of deleting it.
        failedIds.add(safeId(record));
    }

    /**
     * The ids of the records that failed or were not processed, in order (null for a record that has none); empty
     * when all succeeded.
     */
    List<String> failedIds() {
        return failedIds == null ? List.of() : failedIds;
    }

    /** The first record's exception, the same instance, or null. */
    Throwable firstFailure() {
        return firstFailure;
    }
}
