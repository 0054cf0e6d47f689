package dev.xraytracing.examples.orders;

import dev.xraytracing.local.LocalPlatform;
import dev.xraytracing.local.template.SamTemplate;
import dev.xraytracing.local.template.TemplateResource;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * What the app left in its resources, read as any client would, through the endpoints the run gave the functions: the
 * table's items, the bucket's keys, the queues' messages.
 */
final class AppResources implements AutoCloseable {
    private static final Region REGION = Region.US_EAST_1;
    /** The local engines take any signature; these never name a real account. */
    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));

    private final LocalPlatform platform;
    private final SamTemplate template;
    private final DynamoDbClient dynamoDb;
    private final S3Client s3;
    private final SqsClient sqs;

    private AppResources(LocalPlatform platform, SamTemplate template) {
        this.platform = platform;
        this.template = template;
        dynamoDb = DynamoDbClient.builder().region(REGION).credentialsProvider(CREDENTIALS)
                .httpClient(UrlConnectionHttpClient.create()).endpointOverride(endpoint("AWS_ENDPOINT_URL_DYNAMODB"))
                .build();
        s3 = S3Client.builder().region(REGION).credentialsProvider(CREDENTIALS)
                .httpClient(UrlConnectionHttpClient.create()).endpointOverride(endpoint("AWS_ENDPOINT_URL_S3"))
                .build();
        sqs = SqsClient.builder().region(REGION).credentialsProvider(CREDENTIALS)
                .httpClient(UrlConnectionHttpClient.create()).endpointOverride(endpoint("AWS_ENDPOINT_URL_SQS"))
                .build();
    }

    static AppResources of(LocalPlatform platform, SamTemplate template) {
        return new AppResources(platform, template);
    }

    private URI endpoint(String variable) {
        return URI.create(platform.serviceEndpoint(variable)
                .orElseThrow(() -> new IllegalStateException("the run started no service for " + variable)));
    }

    /**
     * Waits until no invocation, message or delivery is in flight anywhere in the app: the poison order's two
     * deliveries, a visibility timeout apart, take the longest.
     */
    boolean awaitQuiet() {
        return platform.awaitQuiet(Duration.ofMinutes(2));
    }

    private <T extends TemplateResource> T resource(String logicalId, Class<T> kind) {
        return kind.cast(template.resource(logicalId).orElseThrow());
    }

    /** The orders table's items, by order id. */
    Map<String, Map<String, AttributeValue>> tableItems() {
        Map<String, Map<String, AttributeValue>> items = new LinkedHashMap<>();
        dynamoDb.scanPaginator(scan -> scan.tableName(resource("Orders", TemplateResource.Table.class).name()))
                .items().forEach(item -> items.put(item.get("orderId").s(), item));
        return items;
    }

    List<String> bucketKeys() {
        return s3.listObjectsV2Paginator(list -> list.bucket(resource("Receipts", TemplateResource.Bucket.class).name()))
                .contents().stream().map(S3Object::key).toList();
    }

    /** Every message of the dead-letter queue, received once (they stay there: their visibility lapses). */
    List<Message> deadLetters() {
        String url = queueUrl("OrdersDlq");
        return sqs.receiveMessage(receive -> receive.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1)
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
    }

    /** The orders queue's messages, visible or in flight. */
    int queueDepth() {
        String url = queueUrl("OrdersQueue");
        Map<String, String> attributes = sqs.getQueueAttributes(get -> get.queueUrl(url).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributesAsStrings();
        return attributes.values().stream().mapToInt(Integer::parseInt).sum();
    }

    private String queueUrl(String logicalId) {
        String name = resource(logicalId, TemplateResource.Queue.class).name();
        return sqs.getQueueUrl(get -> get.queueName(name)).queueUrl();
    }

    @Override
    public void close() {
        dynamoDb.close();
        s3.close();
        sqs.close();
    }
}
