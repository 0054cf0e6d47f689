package dev.xraytracing.local.internal.services.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * Each {@code SQS} event of the template runs as Lambda's event source mapping does: batches delivered in Lambda's
 * event shape, deleted on success, kept on failure, partly deleted with {@code ReportBatchItemFailures}, and a poison
 * message moved to the dead-letter queue by the queue's redrive policy. The function here is a stand-in; the engine
 * and the SDK clients are real.
 */
class SqsEventSourceMappingTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String TRACE = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1";

    final SqsTemplateRun run = new SqsTemplateRun();

    @AfterEach
    void stop() {
        run.close();
    }

    @Test
    void the_function_gets_the_event_as_lambda_delivers_it_and_the_events_library_reads_it() throws Exception {
        String url = run.queue("Orders").url();
        run.client.sendMessage(b -> b.queueUrl(url).messageBody("{\"order\":42}")
                .messageAttributes(Map.of(
                        "tenant", MessageAttributeValue.builder().dataType("String").stringValue("acme").build(),
                        "blob", MessageAttributeValue.builder().dataType("Binary")
                                .binaryValue(SdkBytes.fromUtf8String("1100")).build()))
                .overrideConfiguration(o -> o.putHeader("X-Amzn-Trace-Id", TRACE)));

        Eventually.until("the worker is invoked", () -> !run.invocationsOf("Worker").isEmpty());
        SqsTemplateRun.Invocation invocation = run.invocationsOf("Worker").get(0);

        SQSEvent event = readAsTheRuntimeDoes(invocation.event());
        assertThat(event.getRecords()).hasSize(1);
        SQSEvent.SQSMessage record = event.getRecords().get(0);
        assertThat(record.getBody()).isEqualTo("{\"order\":42}");
        assertThat(record.getEventSource()).isEqualTo("aws:sqs");
        assertThat(record.getEventSourceArn()).isEqualTo(run.queue("Orders").arn());
        assertThat(record.getAwsRegion()).isEqualTo("eu-west-1");
        assertThat(record.getMessageId()).isNotBlank();
        assertThat(record.getReceiptHandle()).isNotBlank();
        assertThat(record.getMd5OfBody()).isEqualTo(md5("{\"order\":42}"));
        assertThat(record.getAttributes()).containsEntry("AWSTraceHeader", TRACE)
                .containsEntry("ApproximateReceiveCount", "1")
                .containsKeys("SentTimestamp", "SenderId", "ApproximateFirstReceiveTimestamp");
        assertThat(record.getMessageAttributes().get("tenant").getStringValue()).isEqualTo("acme");
        assertThat(record.getMessageAttributes().get("tenant").getDataType()).isEqualTo("String");
        assertThat(StandardCharsets.UTF_8.decode(record.getMessageAttributes().get("blob").getBinaryValue())
                .toString()).isEqualTo("1100");
        assertThat(record.getMd5OfMessageAttributes()).isNotBlank();
        assertThat(invocation.traceHeader()).as("Lambda starts a new trace for the batch").isNull();
        assertThat(SqsEvent.producerTraceHeaders(invocation.event().getBytes(StandardCharsets.UTF_8)))
                .containsExactly(TRACE);
    }

    @Test
    void a_successful_batch_is_deleted_and_the_service_is_quiet() {
        String url = run.queue("Orders").url();
        run.client.sendMessageBatch(b -> b.queueUrl(url).entries(entry("a", "1"), entry("b", "2"), entry("c", "3")));

        Eventually.until("all three are delivered, deleted and nothing is in flight",
                () -> deliveredBodies("Worker").size() == 3 && run.service.quiet());

        assertThat(deliveredBodies("Worker")).containsExactlyInAnyOrder("1", "2", "3");
        assertThat(run.depth("Orders").total()).isZero();
        assertThat(run.depth("OrdersDlq").total()).isZero();
    }

    @Test
    void with_report_batch_item_failures_only_the_failed_records_come_back_and_then_go_to_the_dead_letter_queue() {
        run.functionAnswers(invocation -> SqsTemplateRun.answer(failuresFor(invocation.event(), "poison")));
        String url = run.queue("Orders").url();
        run.client.sendMessageBatch(b -> b.queueUrl(url).entries(entry("a", "good"), entry("b", "poison")));

        Eventually.until("the poison message ends in the dead-letter queue and nothing else is left",
                () -> run.depth("OrdersDlq").visible() == 1 && run.service.quiet());

        assertThat(deliveredBodies("Worker")).as("maxReceiveCount 2: the poison message is delivered twice")
                .containsExactlyInAnyOrder("good", "poison", "poison");
        assertThat(run.depth("Orders").total()).isZero();
        assertThat(run.service.summary())
                .anySatisfy(line -> assertThat(line).startsWith("queue " + run.queue("OrdersDlq").name() + ": ")
                        .endsWith(": 1 message (dead-letter queue of Orders)"))
                .anySatisfy(line -> assertThat(line).isEqualTo("queue " + run.queue("Orders").name() + ": empty"));
    }

    @Test
    void a_function_error_deletes_nothing_so_every_record_of_the_batch_is_received_again() {
        run.functionAnswers(invocation -> invocation.event().contains("\"ApproximateReceiveCount\":\"1\"")
                ? SqsTemplateRun.functionError("boom") : SqsTemplateRun.answer("{}"));
        String url = run.queue("Orders").url();
        run.client.sendMessageBatch(b -> b.queueUrl(url).entries(entry("a", "x"), entry("b", "y")));

        Eventually.until("both are delivered again and then deleted",
                () -> deliveredBodies("Worker").size() == 4 && run.service.quiet());

        assertThat(deliveredBodies("Worker")).containsExactlyInAnyOrder("x", "y", "x", "y");
        List<String> receiveCounts = records("Worker").stream()
                .map(r -> r.path("attributes").path("ApproximateReceiveCount").asText()).toList();
        assertThat(receiveCounts).containsExactlyInAnyOrder("1", "1", "2", "2");
        assertThat(run.depth("OrdersDlq").total()).isZero();
    }

    @Test
    void a_delete_the_engine_refuses_is_a_problem_line_not_a_silent_dead_letter() {
        String url = run.queue("Orders").url();
        // The function receives its own message again (another consumer would do the same), so the receipt handle the
        // poller holds is no longer the latest and the engine refuses its delete. That receive counted: with
        // maxReceiveCount 2, the next receive moves the message, handled successfully, to the dead-letter queue.
        run.functionAnswers(invocation -> {
            String handle = firstReceiptHandle(invocation);
            run.client.changeMessageVisibility(b -> b.queueUrl(url).receiptHandle(handle).visibilityTimeout(0));
            run.client.receiveMessage(b -> b.queueUrl(url).visibilityTimeout(0));
            return SqsTemplateRun.answer("{}");
        });
        run.client.sendMessage(b -> b.queueUrl(url).messageBody("once"));

        Eventually.until("the handled message is in the dead-letter queue",
                () -> run.depth("OrdersDlq").visible() == 1 && run.service.quiet());

        assertThat(deliveredBodies("Worker")).containsExactly("once");
        assertThat(run.service.problems()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("function Worker: SQS event Orders: message ")
                .contains(" was handled but its delete failed (")
                .endsWith("); the queue delivers it again after its visibility timeout"));
        assertThat(run.said).contains(run.service.problems().get(0));
    }

    @Test
    void a_batch_response_naming_no_message_of_the_batch_fails_the_whole_batch_and_says_why() {
        run.functionAnswers(invocation -> run.invocationsOf("Worker").size() == 1
                ? SqsTemplateRun.answer("{\"batchItemFailures\":[{\"itemIdentifier\":\"not-a-message\"}]}")
                : SqsTemplateRun.answer("{\"batchItemFailures\":[]}"));
        run.client.sendMessage(b -> b.queueUrl(run.queue("Orders").url()).messageBody("m"));

        Eventually.until("it is delivered again and deleted",
                () -> deliveredBodies("Worker").size() == 2 && run.service.quiet());

        assertThat(run.said).anySatisfy(line -> assertThat(line).contains("function Worker")
                .contains("fails the whole batch").contains("itemIdentifier not-a-message is no message of the batch"));
    }

    @Test
    void a_batching_window_gathers_up_to_the_batch_size_into_one_invocation() {
        String url = run.queue("Audit").url();
        run.client.sendMessage(b -> b.queueUrl(url).messageBody("1"));
        run.client.sendMessage(b -> b.queueUrl(url).messageBody("2"));
        run.client.sendMessage(b -> b.queueUrl(url).messageBody("3"));

        Eventually.until("the auditor has all three", () -> deliveredBodies("Auditor").size() == 3
                && run.service.quiet());

        assertThat(run.invocationsOf("Auditor")).as("BatchSize 3 within a 10 s window: one batch").hasSize(1);
    }

    @Test
    void a_fifo_queues_records_arrive_in_group_order_with_their_group_and_sequence_number() {
        String url = run.queue("Ledger").url();
        assertThat(url).endsWith(".fifo");
        for (String body : List.of("open", "debit", "credit", "close")) {
            run.client.sendMessage(b -> b.queueUrl(url).messageBody(body).messageGroupId("account-9"));
        }

        Eventually.until("all four are delivered and deleted",
                () -> deliveredBodies("Bookkeeper").size() == 4 && run.service.quiet());

        assertThat(deliveredBodies("Bookkeeper")).containsExactly("open", "debit", "credit", "close");
        assertThat(records("Bookkeeper")).allSatisfy(record -> {
            assertThat(record.path("attributes").path("MessageGroupId").asText()).isEqualTo("account-9");
            assertThat(record.path("attributes").path("SequenceNumber").asText()).isNotEmpty();
            assertThat(record.path("attributes").path("MessageDeduplicationId").asText()).isNotEmpty();
        });
    }

    @Test
    void filter_criteria_keep_what_a_filter_matches_and_delete_the_rest_without_an_invocation() {
        String url = run.queue("Shipments").url();
        for (String body : List.of("{\"kind\":\"shipment\",\"id\":1}", "{\"kind\":\"refund\"}", "urgent: ship 2",
                "later")) {
            run.client.sendMessage(b -> b.queueUrl(url).messageBody(body));
        }

        Eventually.until("the shipments queue is drained", () -> run.depth("Shipments").total() == 0
                && run.service.quiet());
        List<String> delivered = run.invocationsOf("Shipper").stream()
                .flatMap(invocation -> readAsTheRuntimeDoes(invocation.event()).getRecords().stream())
                .map(SQSEvent.SQSMessage::getBody).toList();
        assertThat(delivered).containsExactlyInAnyOrder("{\"kind\":\"shipment\",\"id\":1}", "urgent: ship 2");
        assertThat(run.depth("ShipmentsDlq").total()).as("a filtered message is deleted, not dead-lettered").isZero();
        assertThat(run.said).filteredOn(line -> line.contains("matches no filter")).hasSize(1).first()
                .asString().startsWith("function Shipper: SQS event Shipments: message ");
        assertThat(run.service.summary()).anySatisfy(line -> assertThat(line).startsWith("queue ").contains("Shipments")
                .endsWith("; 2 messages filtered out by Shipper's Shipments event"));
    }

    @Test
    void a_cloudformation_event_source_mapping_delivers_its_queue_as_a_sam_sqs_event_does() {
        String url = run.queue("Invoices").url();
        for (String body : List.of("invoice 1", "invoice 2", "invoice 3")) {
            run.client.sendMessage(b -> b.queueUrl(url).messageBody(body));
        }

        Eventually.until("the invoices queue is drained", () -> run.depth("Invoices").total() == 0
                && run.service.quiet());
        List<SQSEvent> batches = run.invocationsOf("Biller").stream()
                .map(invocation -> readAsTheRuntimeDoes(invocation.event())).toList();
        assertThat(batches).allSatisfy(batch -> assertThat(batch.getRecords()).as("BatchSize 2").hasSizeLessThan(3));
        assertThat(batches.stream().flatMap(batch -> batch.getRecords().stream())).allSatisfy(record ->
                assertThat(record.getEventSourceArn()).isEqualTo(run.queue("Invoices").arn()))
                .map(SQSEvent.SQSMessage::getBody).containsExactlyInAnyOrder("invoice 1", "invoice 2", "invoice 3");
    }

    @Test
    void a_disabled_mapping_does_not_poll_its_queue() {
        String url = run.queue("Backlog").url();
        run.client.sendMessage(b -> b.queueUrl(url).messageBody("waits"));

        assertThat(run.service.quiet()).as("a queue nobody polls does not keep the run waiting").isTrue();
        var received = run.client.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(5)
                .messageSystemAttributeNamesWithStrings("All")).messages();
        assertThat(received).singleElement().satisfies(m -> assertThat(m.attributesAsStrings())
                .as("nobody received it before").containsEntry("ApproximateReceiveCount", "1"));
        assertThat(run.invocationsOf("Worker")).isEmpty();
    }

    private static String firstReceiptHandle(SqsTemplateRun.Invocation invocation) {
        try {
            return JSON.readTree(invocation.event()).path("Records").get(0).path("receiptHandle").asText();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static SendMessageBatchRequestEntry entry(String id, String body) {
        return SendMessageBatchRequestEntry.builder().id(id).messageBody(body).build();
    }

    private List<JsonNode> records(String function) {
        return run.invocationsOf(function).stream().flatMap(i -> {
            try {
                List<JsonNode> list = new java.util.ArrayList<>();
                JSON.readTree(i.event()).path("Records").forEach(list::add);
                return list.stream();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).toList();
    }

    private List<String> deliveredBodies(String function) {
        return records(function).stream().map(r -> r.path("body").asText()).toList();
    }

    /** The batch response a function gives when the records with this body fail. */
    private static String failuresFor(String event, String failingBody) {
        StringBuilder failures = new StringBuilder();
        try {
            for (JsonNode record : JSON.readTree(event).path("Records")) {
                if (record.path("body").asText().equals(failingBody)) {
                    failures.append(failures.isEmpty() ? "" : ",").append("{\"itemIdentifier\":\"")
                            .append(record.path("messageId").asText()).append("\"}");
                }
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return "{\"batchItemFailures\":[" + failures + "]}";
    }

    private static SQSEvent readAsTheRuntimeDoes(String event) {
        PojoSerializer<SQSEvent> serializer = LambdaEventSerializers.serializerFor(SQSEvent.class,
                SqsEventSourceMappingTest.class.getClassLoader());
        return serializer.fromJson(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)));
    }

    private static String md5(String text) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
