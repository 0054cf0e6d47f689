package dev.xraytracing.lambda.batch;

import static dev.xraytracing.lambda.testing.BatchEvents.failedIds;
import static dev.xraytracing.lambda.testing.BatchEvents.newTraceId;
import static dev.xraytracing.lambda.testing.BatchEvents.producerHeader;
import static dev.xraytracing.lambda.testing.BatchEvents.sqsEvent;
import static dev.xraytracing.lambda.testing.BatchEvents.sqsMessage;
import static dev.xraytracing.testing.TracingAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.xraytracing.Tracing;
import dev.xraytracing.lambda.RecordSampling;
import dev.xraytracing.lambda.TracedBatch;
import dev.xraytracing.lambda.TracedRequestHandler;
import dev.xraytracing.lambda.testing.Invocation;
import dev.xraytracing.lambda.testing.LambdaInvoker;
import dev.xraytracing.trace.RecordedEntity;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TracedBatchSqsTest {
    private final List<String> processed = new ArrayList<>();

    /** A consumer that fails the messages whose body is "bad", with a checked exception. */
    private RequestHandler<SQSEvent, SQSBatchResponse> consumer(RecordSampling sampling) {
        return (event, context) -> TracedBatch.forEachRecord(event, sampling, message -> {
            processed.add(message.getMessageId());
            if (message.getBody().equals("bad")) {
                throw new IOException("cannot store " + message.getMessageId());
            }
        });
    }

    private Invocation<SQSBatchResponse> invoke(SQSEvent event) {
        return LambdaInvoker.of(consumer(RecordSampling.BY_PRODUCER)).invoke(event);
    }

    @Test
    void eachSampledMessageGetsASubsegmentNamedAfterItsQueueAndAnnotatedForFiltering() {
        String producer = newTraceId();
        Invocation<SQSBatchResponse> invocation = invoke(sqsEvent(
                sqsMessage("orders", "m1", "ok", producerHeader(producer, true)),
                sqsMessage("orders", "m2", "ok", producerHeader(producer, true))));

        assertThat(processed).containsExactly("m1", "m2");
        assertThat(invocation.trace().findAll("SQS orders")).hasSize(2);
        assertThat(invocation.trace()).record("m1").isOk().isClosed()
                .hasAnnotation("EventSource", "aws:sqs")
                .hasAnnotation("MessageId", "m1")
                .hasAnnotation("ProducerTraceId", producer)
                .hasNoAnnotation("RecordFailed");
        assertThat(failedIds(invocation.output())).isEmpty();
    }

    @Test
    void eachRecordLinksToItsOwnProducersTrace() {
        String first = newTraceId();
        String second = newTraceId();
        Invocation<SQSBatchResponse> invocation = invoke(sqsEvent(
                sqsMessage("orders", "m1", "ok", producerHeader(first, true)),
                sqsMessage("orders", "m2", "ok", producerHeader(second, true))));

        assertThat(invocation.trace()).record("m1").hasLinkTo(first);
        assertThat(invocation.trace()).record("m2").hasLinkTo(second);
        RecordedEntity m1 = invocation.trace().find(e -> "m1".equals(e.annotations().get("MessageId"))).orElseThrow();
        assertThat(m1.links()).singleElement().satisfies(link -> {
            assertThat(link.traceId()).isEqualTo(first);
            assertThat(link.id()).matches("[0-9a-f]{16}");
        });
        assertThat(invocation.documents()).anySatisfy(document -> assertThat(document).contains("\"links\":[{"));
    }

    @Test
    void aFailingMessageIsReportedInTheBatchResponseAndTheOthersGoOn() {
        String producer = newTraceId();
        Invocation<SQSBatchResponse> invocation = invoke(sqsEvent(
                sqsMessage("orders", "m1", "ok", producerHeader(producer, true)),
                sqsMessage("orders", "m2", "bad", producerHeader(producer, true)),
                sqsMessage("orders", "m3", "ok", producerHeader(producer, true))));

        assertThat(invocation.threw()).isFalse();
        assertThat(processed).containsExactly("m1", "m2", "m3");
        assertThat(failedIds(invocation.output())).containsExactly("m2");
        assertThat(invocation.trace()).record("m2").isFault().isClosed()
                .hasExceptionOfType("IOException").hasExceptionMessageContaining("cannot store m2")
                .hasAnnotation("RecordFailed", true);
        assertThat(invocation.trace()).record("m1").isOk();
        assertThat(invocation.trace()).record("m3").isOk();
    }

    @Test
    void aMessageWhoseProducerDidNotSampleIsProcessedButNotRecorded() {
        Invocation<SQSBatchResponse> invocation = invoke(sqsEvent(
                sqsMessage("orders", "sampled", "ok", producerHeader(newTraceId(), true)),
                sqsMessage("orders", "unsampled", "bad", producerHeader(newTraceId(), false)),
                sqsMessage("orders", "untraced", "ok", null)));

        assertThat(processed).containsExactly("sampled", "unsampled", "untraced");
        assertThat(invocation.trace()).record("sampled").isOk();
        assertThat(invocation.trace()).hasNoRecord("unsampled").hasNoRecord("untraced");
        assertThat(failedIds(invocation.output())).containsExactly("unsampled");
    }

    @Test
    void withInvocationSamplingEveryMessageOfASampledInvocationIsRecorded() {
        Invocation<SQSBatchResponse> invocation = LambdaInvoker.of(consumer(RecordSampling.WITH_INVOCATION))
                .invoke(sqsEvent(
                        sqsMessage("orders", "unsampled", "ok", producerHeader(newTraceId(), false)),
                        sqsMessage("orders", "untraced", "ok", null)));

        assertThat(invocation.trace()).record("unsampled").isOk();
        assertThat(invocation.trace()).record("untraced").isOk().hasNoLinks().hasNoAnnotation("ProducerTraceId");
    }

    @Test
    void anUnsampledInvocationRecordsNothingButStillReportsFailures() {
        assertUnrecordedButReported(LambdaInvoker.of(consumer(RecordSampling.WITH_INVOCATION)).unsampled());
    }

    @Test
    void withoutATraceContextTheMessagesRunUntracedAndFailuresAreStillReported() {
        assertUnrecordedButReported(LambdaInvoker.of(consumer(RecordSampling.WITH_INVOCATION)).withoutTraceHeader());
    }

    @Test
    void withTracingSwitchedOffTheMessagesRunUnrecordedAndFailuresAreStillReported() {
        assertUnrecordedButReported(LambdaInvoker.of(consumer(RecordSampling.WITH_INVOCATION))
                .withEnvironment(Map.of("XRAY_TRACING_ENABLED", "false")));
    }

    private void assertUnrecordedButReported(LambdaInvoker<SQSEvent, SQSBatchResponse> lambda) {
        Invocation<SQSBatchResponse> invocation = lambda.invoke(sqsEvent(
                sqsMessage("orders", "m1", "bad", producerHeader(newTraceId(), true)),
                sqsMessage("orders", "m2", "ok", producerHeader(newTraceId(), true))));

        assertThat(invocation.documents()).isEmpty();
        assertThat(processed).containsExactly("m1", "m2");
        assertThat(failedIds(invocation.output())).containsExactly("m1");
    }

    @Test
    void onAFifoQueueTheMessagesAfterAFailureAreNotProcessedAndAreReportedToo() {
        String producer = newTraceId();
        Invocation<SQSBatchResponse> invocation = invoke(sqsEvent(
                sqsMessage("orders.fifo", "m1", "ok", producerHeader(producer, true)),
                sqsMessage("orders.fifo", "m2", "bad", producerHeader(producer, true)),
                sqsMessage("orders.fifo", "m3", "ok", producerHeader(producer, true))));

        assertThat(processed).containsExactly("m1", "m2");
        assertThat(failedIds(invocation.output())).containsExactly("m2", "m3");
        assertThat(invocation.trace()).hasNoRecord("m3");
    }

    @Test
    void anErrorThrownByOneRecordIsThatRecordsFailureToo() {
        RequestHandler<SQSEvent, SQSBatchResponse> handler = (event, context) -> TracedBatch.forEachRecord(event,
                message -> {
                    if (message.getMessageId().equals("m1")) {
                        throw new AssertionError("broken invariant");
                    }
                });
        Invocation<SQSBatchResponse> invocation = LambdaInvoker.of(handler).invoke(sqsEvent(
                sqsMessage("orders", "m1", "ok", producerHeader(newTraceId(), true)),
                sqsMessage("orders", "m2", "ok", producerHeader(newTraceId(), true))));

        assertThat(failedIds(invocation.output())).containsExactly("m1");
        assertThat(invocation.trace()).record("m1").isFault().hasExceptionOfType("AssertionError");
    }

    @Test
    void aFailedMessageWithoutAnIdIsReportedWithNoneSoThatLambdaRetriesTheWholeBatch() {
        SQSEvent.SQSMessage anonymous = sqsMessage("orders", null, "bad", producerHeader(newTraceId(), true));
        Invocation<SQSBatchResponse> invocation = invoke(sqsEvent(anonymous));

        assertThat(failedIds(invocation.output())).containsExactly((String) null);
    }

    @Test
    void aMalformedOrMissingHeaderOrSourceNeverStopsTheRecords() {
        SQSEvent.SQSMessage noArn = sqsMessage("orders", "no-arn", "ok", producerHeader(newTraceId(), true));
        noArn.setEventSourceArn(null);
        SQSEvent.SQSMessage noAttributes = sqsMessage("orders", "no-attributes", "ok", null);
        noAttributes.setAttributes(null);
        Invocation<SQSBatchResponse> invocation = LambdaInvoker.of(consumer(RecordSampling.WITH_INVOCATION))
                .invoke(sqsEvent(noArn, noAttributes,
                        sqsMessage("orders", "garbled", "ok", "Root=not-a-trace;Parent=zz;Sampled=1")));

        assertThat(processed).containsExactly("no-arn", "no-attributes", "garbled");
        assertThat(failedIds(invocation.output())).isEmpty();
        assertThat(invocation.trace()).record("garbled").hasNoLinks().hasNoAnnotation("ProducerTraceId");
        assertThat(invocation.trace()).record("no-arn").isOk();
    }

    @Test
    void anEmptyOrNullEventGivesAnEmptyResponse() {
        assertThat(failedIds(invoke(new SQSEvent()).output())).isEmpty();
        assertThat(failedIds(invoke(null).output())).isEmpty();
    }

    @Test
    void theUsersOwnSubsegmentsNestUnderTheRecordsSubsegment() {
        RequestHandler<SQSEvent, SQSBatchResponse> handler = (event, context) -> TracedBatch.forEachRecord(event,
                message -> Tracing.run("store", s -> s.annotate("Body", message.getBody())));
        Invocation<SQSBatchResponse> invocation = LambdaInvoker.of(handler).invoke(sqsEvent(
                sqsMessage("orders", "m1", "ok", producerHeader(newTraceId(), true))));

        assertThat(invocation.trace()).record("m1").child("store").hasAnnotation("Body", "ok");
    }

    static final class Consumer extends TracedRequestHandler<SQSEvent, SQSBatchResponse> {
        @Override
        protected SQSBatchResponse handle(SQSEvent event, Context context) {
            return TracedBatch.forEachRecord(event, message -> {
                if (message.getBody().equals("bad")) {
                    throw new IllegalStateException("rejected");
                }
            });
        }
    }

    @Test
    void underATracedHandlerTheRecordsNestUnderTheHandlersSubsegmentWhichStaysOk() {
        String producer = newTraceId();
        Invocation<SQSBatchResponse> invocation = LambdaInvoker.of(new Consumer()).invoke(sqsEvent(
                sqsMessage("orders", "m1", "ok", producerHeader(producer, true)),
                sqsMessage("orders", "m2", "bad", producerHeader(producer, true))));

        assertThat(invocation.trace()).record("m2").hasParent("## handleRequest").isFault();
        assertThat(invocation.trace()).subsegment("## handleRequest").isNotFault();
        assertThat(failedIds(invocation.output())).containsExactly("m2");
        assertThat(invocation.trace().entities()).allSatisfy(entity -> assertThat(entity.isInProgress()).isFalse());
    }

    @Test
    void eachRecordCarriesItsReceivedEventAgeFromSentTimestampAsMetadata() {
        SQSEvent.SQSMessage waited = sqsMessage("orders", "m1", "ok", producerHeader(newTraceId(), true));
        waited.getAttributes().put("SentTimestamp", String.valueOf(System.currentTimeMillis() - 90_000));
        SQSEvent.SQSMessage ahead = sqsMessage("orders", "m2", "ok", producerHeader(newTraceId(), true));
        ahead.getAttributes().put("SentTimestamp", String.valueOf(System.currentTimeMillis() + 60_000));

        Invocation<SQSBatchResponse> invocation = invoke(sqsEvent(waited, ahead));

        assertThat(age(invocation, "m1")).isGreaterThanOrEqualTo(90_000L).isLessThan(3_600_000L);
        assertThat(age(invocation, "m2")).as("a sender's clock ahead of ours gives 0, never a negative age")
                .isEqualTo(0L);
    }

    @Test
    void aSentTimestampThatIsNoNumberLeavesTheAgeOutAndTheRecordDescribed() {
        SQSEvent.SQSMessage odd = sqsMessage("orders", "m1", "ok", producerHeader(newTraceId(), true));
        odd.getAttributes().put("SentTimestamp", "yesterday");

        Invocation<SQSBatchResponse> invocation = invoke(sqsEvent(odd));

        RecordedEntity record = invocation.trace().find(e -> "m1".equals(e.annotations().get("MessageId")))
                .orElseThrow();
        assertThat(record.metadata().getOrDefault("default", Map.of())).doesNotContainKey("ReceivedEventAgeMs");
        assertThat(invocation.trace()).record("m1").hasAnnotation("ProducerTraceId", record.annotations()
                .get("ProducerTraceId")).isOk();
        assertThat(processed).containsExactly("m1");
    }

    private static long age(Invocation<SQSBatchResponse> invocation, String messageId) {
        RecordedEntity record = invocation.trace().find(e -> messageId.equals(e.annotations().get("MessageId")))
                .orElseThrow();
        return ((Number) record.metadata().get("default").get("ReceivedEventAgeMs")).longValue();
    }
}
