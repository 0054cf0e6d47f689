package dev.xraytracing.lambda;

import dev.xraytracing.Sub;
import dev.xraytracing.SubRunnable;
import dev.xraytracing.Tracing;
import dev.xraytracing.internal.Links;
import dev.xraytracing.internal.Spans;
import dev.xraytracing.internal.TraceHeader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Runs a handler over the records of one batch: one subsegment per recorded record, each record's failure kept to
 * itself. Package-private so that it can take the public {@link RecordHandler} without a package cycle.
 */
final class RecordLoop<R> {
    /** What one event type's records say about themselves. */
    static final class RecordKind<R> {
        private final String eventSource;
        private final Function<R, String> subsegmentName;
        private final Function<R, String> id;
        private final Function<R, String> producerHeader;

        /**
         * {@code eventSource} is the {@code EventSource} annotation ({@code aws:sqs}, ...); {@code subsegmentName}
         * names a record's subsegment ({@code SQS orders}); {@code id} gives the {@code MessageId} annotation and what
         * a batch response names a failed record by; {@code producerHeader} the producer's trace header the record
         * carries itself, or null (only SQS records carry one).
         */
        RecordKind(String eventSource, Function<R, String> subsegmentName, Function<R, String> id,
                   Function<R, String> producerHeader) {
            this.eventSource = eventSource;
            this.subsegmentName = subsegmentName;
            this.id = id;
            this.producerHeader = producerHeader;
        }

        String eventSource() {
            return eventSource;
        }

        String subsegmentName(R record) {
            return subsegmentName.apply(record);
        }

        String id(R record) {
            return id.apply(record);
        }

        String producerHeader(R record) {
            return producerHeader == null ? null : producerHeader.apply(record);
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
        String header = headerPerRecord ? producerHeader(record) : null;
        if (headerPerRecord && sampling == RecordSampling.BY_PRODUCER && !sampledByProducer(header)) {
            handler.handle(record); // oversampling mitigation: no subsegment, nothing allocated
            return;
        }
        Tracing.run(subsegmentName(record), (SubRunnable<Exception>) sub -> {
            if (sub.isRecording()) {
                try {
                    describe(sub, record, header);
                } catch (RuntimeException tracingFailed) {
                    // Only the description is lost: the record is processed and its outcome recorded.
                }
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

    private String producerHeader(R record) {
        try {
            return kind.producerHeader(record);
        } catch (RuntimeException malformed) {
            return null; // a record that cannot say counts as unsampled by its producer
        }
    }

    private static boolean sampledByProducer(String header) {
        try {
            return header != null && header.contains("Sampled=1") && TraceHeader.parse(header).isSampled();
        } catch (RuntimeException unreadable) {
            return false;
        }
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
