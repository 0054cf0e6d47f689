package dev.xraytracing.local.internal.services.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.xraytracing.local.internal.services.ServiceContext;
import dev.xraytracing.local.template.TemplateResource;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The template's tables in dynalite, called with a real SDK v2 client as a function's would: items written and read,
 * a global secondary index queried, an update expression applied; what dynalite does not implement fails in one
 * error. Skips, saying why, where dynalite is not installed ({@code .ci/run} installs it).
 */
class DynamoDbServiceTest {
    static final TemplateResource.Table ORDERS = new TemplateResource.Table("Orders", "local-Orders-ABCDEF123456",
            "arn:aws:dynamodb:us-east-1:123456789012:table/local-Orders-ABCDEF123456", Optional.empty(),
            List.of(new TemplateResource.KeyElement("customer", "HASH"),
                    new TemplateResource.KeyElement("orderId", "RANGE")),
            Map.of("customer", "S", "orderId", "S", "status", "S", "total", "N"),
            List.of(new TemplateResource.GlobalIndex("ByStatus",
                    List.of(new TemplateResource.KeyElement("status", "HASH"),
                            new TemplateResource.KeyElement("total", "RANGE")), "INCLUDE", List.of("customer"))));
    static final TemplateResource.Table SIMPLE = new TemplateResource.Table("Sessions", "sessions",
            "arn:aws:dynamodb:us-east-1:123456789012:table/sessions", Optional.empty(),
            List.of(new TemplateResource.KeyElement("id", "HASH")), Map.of("id", "S"), List.of());

    static DynamoDbService service;
    static DynamoDbClient dynamo;

    @BeforeAll
    static void start() {
        Dynalite.Found found = DynamoDbService.locate();
        assumeTrue(found.command().isPresent(), found.missing());
        service = DynamoDbService.start(context(List.of(ORDERS, SIMPLE), new ArrayList<>()));
        dynamo = DynamoDbService.client(service.endpoint(), "us-east-1");
    }

    @AfterAll
    static void stop() {
        if (dynamo != null) {
            dynamo.close();
        }
        if (service != null) {
            service.close();
        }
    }

    static ServiceContext context(List<TemplateResource> resources, List<String> said) {
        return new ServiceContext(resources, Map.of(), (function, payload, traceHeader) -> {
            throw new AssertionError("no function is invoked here");
        }, new HashMap<>(), "us-east-1", "123456789012", new InetSocketAddress("127.0.0.1", 2000), said::add);
    }

    @Test
    void the_templates_tables_exist_with_their_key_schema_and_global_index() {
        TableDescription orders = dynamo.describeTable(b -> b.tableName(ORDERS.name())).table();

        assertThat(dynamo.listTables().tableNames()).contains(ORDERS.name(), SIMPLE.name());
        assertThat(orders.keySchema()).extracting(k -> k.attributeName() + " " + k.keyTypeAsString())
                .containsExactly("customer HASH", "orderId RANGE");
        assertThat(orders.globalSecondaryIndexes()).singleElement().satisfies(index -> {
            assertThat(index.indexName()).isEqualTo("ByStatus");
            assertThat(index.projection().nonKeyAttributes()).containsExactly("customer");
        });
        assertThat(service.endpointVariable()).isEqualTo("AWS_ENDPOINT_URL_DYNAMODB");
    }

    @Test
    void an_item_put_is_got_back_and_found_through_the_global_index() {
        dynamo.putItem(b -> b.tableName(ORDERS.name()).item(order("ada", "o-1", "paid", "42")));
        dynamo.putItem(b -> b.tableName(ORDERS.name()).item(order("bob", "o-2", "open", "7")));

        Map<String, AttributeValue> got = dynamo.getItem(b -> b.tableName(ORDERS.name()).key(Map.of(
                "customer", s("ada"), "orderId", s("o-1")))).item();
        List<Map<String, AttributeValue>> paid = dynamo.query(b -> b.tableName(ORDERS.name()).indexName("ByStatus")
                .keyConditionExpression("#s = :s AND #t > :min")
                .expressionAttributeNames(Map.of("#s", "status", "#t", "total"))
                .expressionAttributeValues(Map.of(":s", s("paid"), ":min", AttributeValue.fromN("10")))).items();

        assertThat(got).containsEntry("total", AttributeValue.fromN("42"));
        assertThat(paid).singleElement().satisfies(item -> assertThat(item).containsEntry("customer", s("ada")));
    }

    @Test
    void an_update_expression_is_applied_and_returns_the_new_values() {
        dynamo.putItem(b -> b.tableName(SIMPLE.name()).item(Map.of("id", s("s-1"), "hits", AttributeValue.fromN("1"))));

        Map<String, AttributeValue> updated = dynamo.updateItem(b -> b.tableName(SIMPLE.name())
                .key(Map.of("id", s("s-1"))).updateExpression("SET hits = hits + :one")
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))
                .returnValues(ReturnValue.ALL_NEW)).attributes();

        assertThat(updated).containsEntry("hits", AttributeValue.fromN("2"));
    }

    @Test
    void batch_writes_batch_gets_scans_and_deletes_work() {
        dynamo.batchWriteItem(b -> b.requestItems(Map.of(SIMPLE.name(), List.of(
                WriteRequest.builder().putRequest(p -> p.item(Map.of("id", s("b-1")))).build(),
                WriteRequest.builder().putRequest(p -> p.item(Map.of("id", s("b-2")))).build()))));

        var got = dynamo.batchGetItem(b -> b.requestItems(Map.of(SIMPLE.name(), KeysAndAttributes.builder()
                .keys(Map.of("id", s("b-1")), Map.of("id", s("b-2"))).build()))).responses().get(SIMPLE.name());
        dynamo.deleteItem(b -> b.tableName(SIMPLE.name()).key(Map.of("id", s("b-1"))));
        var scanned = dynamo.scan(b -> b.tableName(SIMPLE.name()).filterExpression("begins_with(id, :b)")
                .expressionAttributeValues(Map.of(":b", s("b-")))).items();

        assertThat(got).hasSize(2);
        assertThat(scanned).containsExactly(Map.of("id", s("b-2")));
    }

    @Test
    void a_conditional_put_that_fails_raises_the_conditional_check_failure() {
        DynamoDbException failure = catchThrowableOfType(DynamoDbException.class, () -> dynamo.putItem(b -> b
                .tableName(SIMPLE.name()).item(Map.of("id", s("s-2"))).conditionExpression("attribute_exists(id)")));

        assertThat(failure.awsErrorDetails().errorCode()).isEqualTo("ConditionalCheckFailedException");
    }

    @Test
    void transact_write_items_is_not_implemented_by_dynalite_and_fails_in_one_error() {
        DynamoDbException failure = catchThrowableOfType(DynamoDbException.class, () -> dynamo.transactWriteItems(
                b -> b.transactItems(t -> t.put(p -> p.tableName(SIMPLE.name()).item(Map.of("id", s("t-1")))))));

        assertThat(failure.awsErrorDetails().errorCode()).isEqualTo("UnknownOperationException");
    }

    static Map<String, AttributeValue> order(String customer, String id, String status, String total) {
        return Map.of("customer", s(customer), "orderId", s(id), "status", s(status), "total",
                AttributeValue.fromN(total));
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
