package dev.xraytracing.examples.orders;

import static dev.xraytracing.testing.TracingAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.xraytracing.local.LocalPlatform;
import dev.xraytracing.local.LocalPlatform.ApiResponse;
import dev.xraytracing.local.app.RuntimeLoop;
import dev.xraytracing.local.report.TraceReport;
import dev.xraytracing.local.template.SamTemplate;
import dev.xraytracing.local.template.TemplateSetup;
import dev.xraytracing.testing.SegmentDocumentSchema;
import dev.xraytracing.trace.RecordedEntity;
import dev.xraytracing.trace.RecordedTrace;
import dev.xraytracing.trace.TraceDocuments;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The whole app as it is deployed: the template's four functions from their deployment zip, under AWS's runtime
 * interface client, with the table, the queue and its dead-letter queue, the bucket, the topic and the bus on the
 * local platform's engines. Three good orders and one that can never be fulfilled go in through the API; once the app
 * is quiet, what it left behind and the traces it sent are checked. Runs after {@code package}
 * ({@code integration-test}), from the zip that phase builds.
 */
@EnabledOnOs(value = OS.LINUX, disabledReason = "the runtime interface client ships its native library for Linux only")
class OrdersAppIT {
    static final List<String> GOOD_ORDERS = List.of(
            "{\"customer\":\"alice\",\"item\":\"book\",\"quantity\":1}",
            "{\"customer\":\"bob\",\"item\":\"pen\",\"quantity\":3}",
            "{\"customer\":\"carol\",\"item\":\"lamp\",\"quantity\":2}");
    static final String POISON_ORDER = "{\"customer\":\"mallory\",\"item\":\"" + FulfilOrder.UNSTOCKED_ITEM
            + "\",\"quantity\":1}";

    static final List<String> output = new CopyOnWriteArrayList<>();
    static LocalPlatform platform;
    static AppResources app;
    /** Each good order's id, to the API response that placed it. */
    static final Map<String, ApiResponse> placed = new LinkedHashMap<>();
    static String poisonId;
    static ApiResponse poisonResponse;
    static ApiResponse refused;
    static List<String> documents;
    static List<RecordedTrace> traces;

    /** The template's functions from the deployment zip, which {@code package} builds before the integration tests. */
    static TemplateSetup setupFromZip() {
        List<String> said = new ArrayList<>();
        TemplateSetup setup = TemplateSetup.of(SamTemplate.read(Path.of("template.yaml"), "us-east-1"),
                "mvn -B -pl examples-orders -am package -DskipTests", said::add);
        assertThat(said).as("the functions run from the deployment zip, which package builds before this test")
                .noneMatch(line -> line.contains("not built yet"));
        return setup;
    }

    @BeforeAll
    static void placeOrdersAndWaitUntilTheAppIsQuiet() {
        TemplateSetup setup = setupFromZip();
        platform = LocalPlatform.builder().template(setup)
                .runtimeLoop(RuntimeLoop.INTERFACE_CLIENT)
                .output(output::add)
                .start();
        assumeTrue(platform.serviceEndpoint("AWS_ENDPOINT_URL_DYNAMODB").isPresent(),
                () -> "no DynamoDB engine here: " + output.stream().filter(line -> line.contains("DynamoDB"))
                        .findFirst().orElse("(the run said nothing)"));
        app = AppResources.of(platform, setup.template());

        for (String order : GOOD_ORDERS) {
            ApiResponse response = platform.request("POST", "/orders", order);
            placed.put(orderId(response), response);
        }
        poisonResponse = platform.request("POST", "/orders", POISON_ORDER);
        poisonId = orderId(poisonResponse);
        refused = platform.request("POST", "/orders", "{\"customer\":\"dave\"}");

        assertThat(app.awaitQuiet()).as("the app became quiet%n%s", String.join("\n", output)).isTrue();
        documents = platform.awaitDocuments();
        traces = TraceDocuments.assemble(documents);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        if (platform != null) {
            platform.close();
        }
    }

    private static String orderId(ApiResponse response) {
        assertThat(response.status()).as("%s%n%s", response.body(), String.join("\n", output)).isEqualTo(201);
        return Order.fromJson(response.body()).orderId();
    }

    private static String apiTraceId(ApiResponse response) {
        return response.traceHeader().replaceFirst("^Root=([^;]+).*$", "$1");
    }

    /** Every recorded subsegment of a batch record about {@code orderId} from {@code eventSource}. */
    private static List<RecordedEntity> records(String orderId, String eventSource) {
        return traces.stream().flatMap(trace -> trace.entities().stream())
                .filter(e -> orderId.equals(e.annotations().get("OrderId"))
                        && eventSource.equals(e.annotations().get("EventSource")))
                .toList();
    }

    private static RecordedTrace trace(String traceId) {
        return traces.stream().filter(t -> t.traceId().equals(traceId)).findFirst()
                .orElseThrow(() -> new AssertionError("no trace " + traceId + " among " + traces));
    }

    @Test
    void theApiAnswers201ForEveryValidOrderAnd400ForABodyThatIsNone() {
        assertThat(placed).hasSize(GOOD_ORDERS.size());
        assertThat(poisonResponse.status()).isEqualTo(201);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("customer and item are required");
    }

    @Test
    void theRunHasNoProblemAndTheOnlyFailuresAreTheReportedBatchItems() {
        assertThat(platform.problems()).isEmpty();
        assertThat(platform.functionErrors()).as("a record reported in batchItemFailures is no function error")
                .isEmpty();
    }

    @Test
    void theTableHoldsEveryOrderAndTheAuditMarkedTheFulfilledOnes() {
        Map<String, Map<String, AttributeValue>> items = app.tableItems();

        List<String> all = new ArrayList<>(placed.keySet());
        all.add(poisonId);
        assertThat(items).containsOnlyKeys(all);
        placed.keySet().forEach(id -> assertThat(items.get(id).get("status").s()).as(id)
                .isEqualTo(AuditOrder.FULFILLED));
        assertThat(items.get(poisonId).get("status").s()).isEqualTo(PlaceOrder.PLACED);
    }

    @Test
    void theBucketHoldsAReceiptForEachFulfilledOrderOnly() {
        assertThat(app.bucketKeys()).containsExactlyInAnyOrderElementsOf(
                placed.keySet().stream().map(FulfilOrder::receiptKey).toList());
    }

    @Test
    void theDeadLetterQueueHoldsExactlyThePoisonOrderAndTheQueueIsEmpty() {
        assertThat(platform.deadLetters()).containsExactly(entry("OrdersDlq", 1));
        List<Message> dead = app.deadLetters();

        assertThat(dead).singleElement().satisfies(message -> {
            assertThat(Order.fromJson(message.body()).orderId()).isEqualTo(poisonId);
            assertThat(message.attributesAsStrings()).containsKey("AWSTraceHeader");
        });
        assertThat(app.queueDepth()).as("messages left in OrdersQueue").isZero();
    }

    @Test
    void everyDocumentIsValidAgainstXraysSchemaWithLinks() {
        assertThat(documents).isNotEmpty();
        SegmentDocumentSchema.assertValid(documents);
    }

    @Test
    void eachApiTraceShowsTheStageTheFunctionTheTableWriteAndTheSend() {
        placed.forEach((id, response) -> {
            RecordedTrace api = trace(apiTraceId(response));
            assertThat(api).segment("OrdersApi/prod").hasHttpStatus(201);
            assertThat(api).subsegment("## handleRequest").hasAnnotation("OrderId", id);
            assertThat(api.entities()).as("the SDK calls of %s", id)
                    .anySatisfy(e -> assertThat(e).hasNamespace("aws").hasAwsField("operation", "PutItem"))
                    .anySatisfy(e -> assertThat(e).hasNamespace("aws").hasAwsField("operation", "SendMessage"));
        });
    }

    @Test
    void eachOrdersRecordInTheConsumerLinksToTheApiTraceThatPlacedIt() {
        placed.forEach((id, response) -> {
            String apiTrace = apiTraceId(response);
            assertThat(records(id, "aws:sqs")).as("FulfilOrder's records of %s", id).singleElement()
                    .satisfies(record -> {
                        assertThat(record.traceId()).isNotEqualTo(apiTrace);
                        assertThat(record.owningSegment().name()).isEqualTo("FulfilOrder");
                        assertThat(record).isOk().hasLinkTo(apiTrace).hasAnnotation("ProducerTraceId", apiTrace);
                        assertThat(record.descendantsAndSelf())
                                .anySatisfy(e -> assertThat(e).hasAwsField("operation", "PutObject"))
                                .anySatisfy(e -> assertThat(e).hasAwsField("operation", "Publish"));
                    });
        });
    }

    @Test
    void theSubscriberAndTheRuleTargetContinueTheConsumersTrace() {
        placed.keySet().forEach(id -> {
            String consumerTrace = records(id, "aws:sqs").get(0).traceId();
            assertThat(records(id, "aws:sns")).as("NotifyShipping's records of %s", id).singleElement()
                    .satisfies(record -> {
                        assertThat(record.traceId()).isEqualTo(consumerTrace);
                        assertThat(record.owningSegment().name()).isEqualTo("NotifyShipping");
                        assertThat(record).isOk();
                    });
            assertThat(records(id, "aws:events")).as("AuditOrder's records of %s", id).singleElement()
                    .satisfies(record -> {
                        assertThat(record.traceId()).isEqualTo(consumerTrace);
                        assertThat(record.owningSegment().name()).isEqualTo("AuditOrder");
                        assertThat(record).isOk();
                        assertThat(record.descendantsAndSelf())
                                .anySatisfy(e -> assertThat(e).hasAwsField("operation", "UpdateItem"));
                    });
        });
    }

    @Test
    void theServiceMapDrawsOneConnectedPicture() {
        String map = TraceReport.of(documents).serviceMap().render();
        int deliveries = GOOD_ORDERS.size() + 2; // each good order once, the poison order twice

        assertThat(map).contains("OrdersApi/prod (API Gateway) → PlaceOrder (Lambda)")
                .containsPattern("\\(AWS::SQS::Queue\\) ⇢ FulfilOrder \\(Lambda\\)  " + deliveries + " messages linked")
                .contains("FulfilOrder (Lambda function) → NotifyShipping (Lambda)")
                .contains("NotifyShipping (Lambda function) → AuditOrder (Lambda)");
    }

    @Test
    void thePoisonOrderFailedInBothDeliveriesEachLinkedToItsApiTraceAndWentNoFurther() {
        String apiTrace = apiTraceId(poisonResponse);

        assertThat(records(poisonId, "aws:sqs")).as("FulfilOrder's records of the poison order").hasSize(2)
                .allSatisfy(record -> assertThat(record).isFault().hasAnnotation("RecordFailed", true)
                        .hasExceptionMessageContaining("no warehouse stocks").hasLinkTo(apiTrace));
        assertThat(records(poisonId, "aws:sns")).isEmpty();
        assertThat(records(poisonId, "aws:events")).isEmpty();
    }
}
