package dev.xraytracing.local.internal.services.dynamodb;

import dev.xraytracing.local.app.LocalRunException;
import dev.xraytracing.local.template.TemplateResource;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * Creates the template's tables as CloudFormation would: key schema, the attribute definitions of the key attributes
 * (DynamoDB refuses definitions that no key uses, so only those), global secondary indexes with their projection.
 * Billing mode and throughput are not simulated: every table is on-demand.
 */
final class TableCreation {
    private TableCreation() {
    }

    static void create(DynamoDbClient dynamo, List<TemplateResource.Table> tables) {
        for (TemplateResource.Table table : tables) {
            try {
                dynamo.createTable(request(table));
                awaitActive(dynamo, table.name());
            } catch (DynamoDbException e) {
                throw new LocalRunException("table " + table.logicalId() + " (" + table.name()
                        + ") could not be created: " + e.awsErrorDetails().errorMessage(), e);
            }
        }
    }

    static CreateTableRequest request(TemplateResource.Table table) {
        Set<String> keyAttributes = new LinkedHashSet<>();
        table.keySchema().forEach(k -> keyAttributes.add(k.attributeName()));
        table.globalIndexes().forEach(i -> i.keySchema().forEach(k -> keyAttributes.add(k.attributeName())));
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(table.name())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(keySchema(table.keySchema()))
                .attributeDefinitions(keyAttributes.stream().map(name -> AttributeDefinition.builder()
                        .attributeName(name).attributeType(table.attributeTypes().get(name)).build()).toList());
        if (!table.globalIndexes().isEmpty()) {
            request.globalSecondaryIndexes(table.globalIndexes().stream().map(TableCreation::index).toList());
        }
        return request.build();
    }

    private static GlobalSecondaryIndex index(TemplateResource.GlobalIndex index) {
        Projection.Builder projection = Projection.builder().projectionType(index.projectionType());
        if (!index.nonKeyAttributes().isEmpty()) {
            projection.nonKeyAttributes(index.nonKeyAttributes());
        }
        return GlobalSecondaryIndex.builder().indexName(index.indexName()).keySchema(keySchema(index.keySchema()))
                .projection(projection.build()).build();
    }

    private static List<KeySchemaElement> keySchema(List<TemplateResource.KeyElement> keys) {
        return keys.stream().map(k -> KeySchemaElement.builder().attributeName(k.attributeName())
                .keyType(k.keyType()).build()).toList();
    }

    /** The engine runs with no creation delay; this covers the moment between its answer and the table's state. */
    private static void awaitActive(DynamoDbClient dynamo, String name) {
        for (int attempt = 0; attempt < 200; attempt++) {
            if (dynamo.describeTable(b -> b.tableName(name)).table().tableStatus() == TableStatus.ACTIVE) {
                return;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new LocalRunException("table " + name + " did not become ACTIVE");
    }
}
