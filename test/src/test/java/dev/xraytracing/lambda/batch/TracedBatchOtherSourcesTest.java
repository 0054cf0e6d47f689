package dev.xraytracing.lambda.batch;

import static dev.xraytracing.lambda.testing.BatchEvents.dynamodbEvent;
import static dev.xraytracing.lambda.testing.BatchEvents.eventBridgeEvent;
import static dev.xraytracing.lambda.testing.BatchEvents.failedIds;
import static dev.xraytracing.lambda.testing.BatchEvents.kinesisEvent;
import static dev.xraytracing.lambda.testing.BatchEvents.s3Event;
import static dev.xraytracing.lambda.testing.BatchEvents.snsEvent;
import static dev.xraytracing.testing.TracingAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.xraytracing.lambda.TracedBatch;
import dev.xraytracing.lambda.testing.Invocation;
import dev.xraytracing.lambda.testing.LambdaInvoker;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TracedBatchOtherSourcesTest {
    private final List<String> processed = new ArrayList<>();

    @Test
    void kinesisRecordsGetASubsegmentEachAndFailuresComeBackBySequenceNumber() {
        KinesisEvent event = kinesisEvent("clicks", "ok", "bad", "ok");
        String failing = event.getRecords().get(1).getKinesis().getSequenceNumber();
        RequestHandler<KinesisEvent, StreamsEventResponse> handler = (input, context) ->
                TracedBatch.forEachRecord(input, record -> {
                    String data = StandardCharsets.UTF_8.decode(record.getKinesis().getData().duplicate()).toString();
                    processed.add(data);
                    if (data.equals("bad")) {
                        throw new IllegalArgumentException("unreadable click");
                    }
                });

        Invocation<StreamsEventResponse> invocation = LambdaInvoker.of(handler).invoke(event);

        assertThat(processed).containsExactly("ok", "bad", "ok");
        assertThat(failedIds(invocation.output())).containsExactly(failing);
        assertThat(invocation.trace().findAll("Kinesis clicks")).hasSize(3);
        assertThat(invocation.trace()).record(failing).isFault().hasAnnotation("EventSource", "aws:kinesis")
                .hasAnnotation("RecordFailed", true).hasNoLinks();
    }

    @Test
    void dynamodbStreamRecordsGetASubsegmentEachAndFailuresComeBackBySequenceNumber() {
        DynamodbEvent event = dynamodbEvent("orders", 2);
        String failing = event.getRecords().get(0).getDynamodb().getSequenceNumber();
        RequestHandler<DynamodbEvent, StreamsEventResponse> handler = (input, context) ->
                TracedBatch.forEachRecord(input, record -> {
                    if (record.getDynamodb().getSequenceNumber().equals(failing)) {
                        throw new IllegalStateException("conflict");
                    }
                });

        Invocation<StreamsEventResponse> invocation = LambdaInvoker.of(handler).invoke(event);

        assertThat(failedIds(invocation.output())).containsExactly(failing);
        assertThat(invocation.trace().findAll("DynamoDB orders")).hasSize(2);
        assertThat(invocation.trace()).record(failing).isFault().hasAnnotation("EventSource", "aws:dynamodb");
    }

    @Test
    void anSnsMessageContinuesTheInvocationsTraceInASubsegmentOfItsOwn() {
        RequestHandler<SNSEvent, String> handler = (input, context) -> {
            TracedBatch.forEachRecord(input, record -> processed.add(record.getSNS().getMessage()));
            return "done";
        };

        Invocation<String> invocation = LambdaInvoker.of(handler).invoke(snsEvent("alerts", "sns-1", "disk full"));

        assertThat(processed).containsExactly("disk full");
        assertThat(invocation.trace()).record("sns-1").isOk().hasAnnotation("EventSource", "aws:sns").hasNoLinks();
        assertThat(invocation.trace().find("SNS alerts")).isPresent();
    }

    @Test
    void aFailedSnsMessageIsRecordedAndItsOwnExceptionRethrownSoThatLambdaRetries() {
        IllegalStateException failure = new IllegalStateException("downstream is down");
        RequestHandler<SNSEvent, String> handler = (input, context) -> {
            TracedBatch.forEachRecord(input, record -> {
                throw failure;
            });
            return "done";
        };

        Invocation<String> invocation = LambdaInvoker.of(handler).invoke(snsEvent("alerts", "sns-1", "disk full"));

        assertThat(invocation.thrown()).isSameAs(failure);
        assertThat(invocation.trace()).record("sns-1").isFault().hasExceptionMessageContaining("downstream is down");
    }

    @Test
    void everyS3ObjectIsProcessedAndTheFirstFailureRethrownAfterTheLast() throws Exception {
        Exception first = new java.io.IOException("cannot read a.csv");
        RequestHandler<S3Event, String> handler = (input, context) -> {
            try {
                TracedBatch.forEachRecord(input, record -> {
                    String key = record.getS3().getObject().getKey();
                    processed.add(key);
                    if (key.equals("a.csv")) {
                        throw first;
                    }
                    if (key.equals("b.csv")) {
                        throw new java.io.IOException("cannot read b.csv");
                    }
                });
            } catch (Exception e) {
                return "failed: " + e.getMessage();
            }
            return "done";
        };

        Invocation<String> invocation = LambdaInvoker.of(handler).invoke(s3Event("uploads", "a.csv", "b.csv", "c.csv"));

        assertThat(processed).containsExactly("a.csv", "b.csv", "c.csv");
        assertThat(invocation.output()).isEqualTo("failed: cannot read a.csv");
        assertThat(invocation.trace()).record("a.csv").isFault().hasAnnotation("EventSource", "aws:s3");
        assertThat(invocation.trace()).record("b.csv").isFault();
        assertThat(invocation.trace()).record("c.csv").isOk();
        assertThat(invocation.trace().findAll("S3 uploads")).hasSize(3);
    }

    @Test
    void anEventBridgeEventGetsOneSubsegmentNamedAfterItsDetailType() {
        ScheduledEvent event = eventBridgeEvent("shop.orders", "OrderPlaced", Map.of("orderId", "42"));
        RequestHandler<ScheduledEvent, String> handler = (input, context) -> {
            TracedBatch.forEachRecord(input, received -> processed.add((String) received.getDetail().get("orderId")));
            return "done";
        };

        Invocation<String> invocation = LambdaInvoker.of(handler).invoke(event);

        assertThat(processed).containsExactly("42");
        assertThat(invocation.trace()).record(event.getId()).isOk().hasAnnotation("EventSource", "aws:events");
        assertThat(invocation.trace().find("EventBridge OrderPlaced")).isPresent();
    }

    @Test
    void underAnUnsampledInvocationRecordsOfEverySourceRunUnrecorded() {
        RequestHandler<KinesisEvent, StreamsEventResponse> handler = (input, context) ->
                TracedBatch.forEachRecord(input, record -> processed.add(record.getEventID()));

        Invocation<StreamsEventResponse> invocation = LambdaInvoker.of(handler).unsampled()
                .invoke(kinesisEvent("clicks", "a", "b"));

        assertThat(processed).hasSize(2);
        assertThat(invocation.documents()).isEmpty();
        assertThat(failedIds(invocation.output())).isEmpty();
    }
}
