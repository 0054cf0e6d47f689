package dev.xraytracing.lambda;

import com.amazonaws.xray.entities.Subsegment;
import dev.xraytracing.Sub;
import dev.xraytracing.SubRunnable;
import dev.xraytracing.Tracing;
import dev.xraytracing.internal.Links;
import dev.xraytracing.internal.Spans;
import dev.xraytracing.internal.TraceHeader;
import dev.xraytracing.internal.TracerCore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs a handler over the records of one batch: one subsegment per recorded record, each record's failure kept to
 * itself. Package-private so that it can take the public {@link RecordHandler} without a package cycle.
 */
final class RecordLoop<R> {
    /** The metadata key of a record's received-event age, in milliseconds. */
    static final String RECEIVED_EVENT_AGE = "ReceivedEventAgeMs";

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
        Tracing.run(subsegmentName(record), new Processing(record, handler, header));
    }

    /**
     * One record in its subsegment. A named class, not a lambda: each lambda costs a spun class on a cold start
     * (docs/benchmarks.md).
     */
    private final class Processing implements SubRunnable<Exception> {
        private final R record;
        private final RecordHandler<R, ?> handler;
        private final String header;

        Processing(R record, RecordHandler<R, ?> handler, String header) {
            this.record = record;
            this.handler = handler;
            this.header = header;
        }

        @Override
        public void run(Sub sub) throws Exception {
            if (sub.isRecording()) {
                try {
                    describe(sub, record, header);
                } catch (RuntimeException tracingFailed) {
                    // Only the description is lost: the record is processed and its outcome recorded.
                    warn("batch:describe", "could not describe the subsegment of a " + kind.eventSource()
                            + " record; the record is processed and its outcome recorded", tracingFailed);
                }
            }
            try {
                handler.handle(record);
            } catch (Exception | Error thrown) {
                sub.annotate("RecordFailed", true);
                throw thrown;
            }
        }
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
            warn("batch:header", "could not read the producer trace header of a " + kind.eventSource() + " record; "
                    + "it counts as not sampled by its producer", malformed);
            return null;
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
        recordAge(sub, record);
        if (header == null) {
            return;
        }
        TraceHeader producer = TraceHeader.parse(header);
        if (producer.root() == null) {
            warn("batch:root", "the " + EventKinds.AWS_TRACE_HEADER + " of a " + kind.eventSource() + " record"
                    + " names no X-Ray trace, so its subsegment links to none: " + preview(header), null);
            return;
        }
        sub.annotate("ProducerTraceId", producer.root());
        Optional<Subsegment> entity = sub.xraySubsegment();
        boolean linked = entity.isPresent() && Links.add(entity.get(), producer.root(), producer.parent());
        if (!linked) {
            warn("batch:link", "the producer of a " + kind.eventSource() + " record could not be linked (no 16-digit "
                    + "Parent in its header, or a subsegment of the X-Ray SDK's); ProducerTraceId still names it: "
                    + preview(header), null);
        }
    }

    /**
     * The record's received-event age, the time from its sending to this subsegment's start, as metadata
     * {@code ReceivedEventAgeMs}: what the console's queue-to-consumer edge draws its histogram from. A clock a little
     * behind the sender's gives 0, not a negative age.
     */
    private void recordAge(Sub sub, R record) {
        String sent;
        try {
            sent = kind.sentMillis(record);
        } catch (RuntimeException malformed) {
            sent = null;
        }
        if (sent == null) {
            return;
        }
        try {
            sub.metadata(RECEIVED_EVENT_AGE, Math.max(System.currentTimeMillis() - Long.parseLong(sent), 0L));
        } catch (NumberFormatException unreadable) {
            warn("batch:sent", "the SentTimestamp of a " + kind.eventSource() + " record is not epoch milliseconds, "
                    + "so its subsegment has no " + RECEIVED_EVENT_AGE + ": " + preview(sent), null);
        }
    }

    private static String preview(String header) {
        return header.length() <= 120 ? header : header.substring(0, 120) + "...";
    }

    private static void warn(String key, String message, Throwable cause) {
        try {
            TracerCore.current().warnings().warn(key, message, cause);
        } catch (RuntimeException ownFailure) {
            // Only a warning was at stake.
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
