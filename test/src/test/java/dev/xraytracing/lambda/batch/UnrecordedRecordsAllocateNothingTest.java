package dev.xraytracing.lambda.batch;

import static dev.xraytracing.lambda.testing.BatchEvents.failedIds;
import static dev.xraytracing.lambda.testing.BatchEvents.newTraceId;
import static dev.xraytracing.lambda.testing.BatchEvents.producerHeader;
import static dev.xraytracing.lambda.testing.BatchEvents.sqsMessage;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.xraytracing.lambda.TracedBatch;
import dev.xraytracing.testing.TracingExtension;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A record that is not recorded allocates nothing: under an unsampled invocation, and under a sampled one when its
 * producer did not sample it (oversampling mitigation). Counted with the JVM's per-thread allocation counter over one
 * large batch after a warm-up; the batch's own response and loop (a few hundred bytes) spread over its records stay
 * below one byte each, which is what is asserted.
 */
class UnrecordedRecordsAllocateNothingTest {
    private static final int RECORDS = 200_000;
    private static final SQSEvent BATCH = batchOfProducerUnsampledMessages();
    private static long sink;

    @Nested
    class UnderAnUnsampledInvocation {
        @RegisterExtension
        final TracingExtension tracing = TracingExtension.inLambda().unsampled();

        @Test
        void aRecordAllocatesNothing() {
            assertThat(bytesPerRecord()).isZero();
        }
    }

    @Nested
    class UnderASampledInvocationWhenTheProducerDidNotSample {
        @RegisterExtension
        final TracingExtension tracing = TracingExtension.inLambda();

        @Test
        void aRecordAllocatesNothing() {
            assertThat(bytesPerRecord()).isZero();
        }
    }

    private static SQSEvent batchOfProducerUnsampledMessages() {
        String header = producerHeader(newTraceId(), false);
        List<SQSEvent.SQSMessage> messages = new ArrayList<>(RECORDS);
        SQSEvent.SQSMessage message = sqsMessage("orders", "m", "body", header);
        for (int i = 0; i < RECORDS; i++) {
            messages.add(message);
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(messages);
        return event;
    }

    static long bytesPerRecord() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        for (int warmUp = 0; warmUp < 5; warmUp++) {
            assertThat(failedIds(TracedBatch.forEachRecord(BATCH, record -> sink += record.getBody().length())))
                    .isEmpty();
        }
        long before = threads.getThreadAllocatedBytes(thread);
        TracedBatch.forEachRecord(BATCH, record -> sink += record.getBody().length());
        long allocated = threads.getThreadAllocatedBytes(thread) - before;
        System.out.println("unrecorded batch record: " + allocated + " bytes over " + RECORDS + " records");
        return allocated / RECORDS;
    }
}
