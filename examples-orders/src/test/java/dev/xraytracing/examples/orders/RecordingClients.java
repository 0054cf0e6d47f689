package dev.xraytracing.examples.orders;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.PublishRequest;
import software.amazon.awssdk.services.sns.model.PublishResponse;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;

/**
 * SDK clients for the handlers' unit tests that keep what they are asked to do, with no network: each implements the
 * SDK's client interface for the calls the handlers make (any other call fails, as the interface's defaults do).
 */
final class RecordingClients {
    private RecordingClients() {
    }

    static final class Table implements DynamoDbClient {
        final List<PutItemRequest> puts = new CopyOnWriteArrayList<>();
        final List<UpdateItemRequest> updates = new CopyOnWriteArrayList<>();

        @Override
        public PutItemResponse putItem(PutItemRequest request) {
            puts.add(request);
            return PutItemResponse.builder().build();
        }

        @Override
        public UpdateItemResponse updateItem(UpdateItemRequest request) {
            updates.add(request);
            return UpdateItemResponse.builder().build();
        }

        @Override
        public String serviceName() {
            return SERVICE_NAME;
        }

        @Override
        public void close() {
        }
    }

    static final class Queue implements SqsClient {
        final List<SendMessageRequest> sent = new CopyOnWriteArrayList<>();

        @Override
        public SendMessageResponse sendMessage(SendMessageRequest request) {
            sent.add(request);
            return SendMessageResponse.builder().messageId("m-" + sent.size()).build();
        }

        @Override
        public String serviceName() {
            return SERVICE_NAME;
        }

        @Override
        public void close() {
        }
    }

    static final class Bucket implements S3Client {
        /** Key to content, in the order written. */
        final Map<String, String> objects = new LinkedHashMap<>();

        @Override
        public synchronized PutObjectResponse putObject(PutObjectRequest request, RequestBody body) {
            try (InputStream in = body.contentStreamProvider().newStream()) {
                objects.put(request.key(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return PutObjectResponse.builder().eTag("\"etag\"").build();
        }

        @Override
        public String serviceName() {
            return SERVICE_NAME;
        }

        @Override
        public void close() {
        }
    }

    static final class Topic implements SnsClient {
        final List<PublishRequest> published = new CopyOnWriteArrayList<>();

        @Override
        public PublishResponse publish(PublishRequest request) {
            published.add(request);
            return PublishResponse.builder().messageId("p-" + published.size()).build();
        }

        @Override
        public String serviceName() {
            return SERVICE_NAME;
        }

        @Override
        public void close() {
        }
    }

    /** A bus that accepts every entry, or refuses every one with {@code refusal} as EventBridge reports it. */
    static final class Bus implements EventBridgeClient {
        final List<PutEventsRequestEntry> entries = new CopyOnWriteArrayList<>();
        private final String refusal;

        Bus() {
            this(null);
        }

        Bus(String refusal) {
            this.refusal = refusal;
        }

        @Override
        public PutEventsResponse putEvents(PutEventsRequest request) {
            entries.addAll(request.entries());
            List<PutEventsResultEntry> results = request.entries().stream()
                    .map(entry -> refusal == null
                            ? PutEventsResultEntry.builder().eventId("e-" + entries.size()).build()
                            : PutEventsResultEntry.builder().errorCode("InternalFailure").errorMessage(refusal).build())
                    .toList();
            return PutEventsResponse.builder().entries(results)
                    .failedEntryCount(refusal == null ? 0 : results.size()).build();
        }

        @Override
        public String serviceName() {
            return SERVICE_NAME;
        }

        @Override
        public void close() {
        }
    }
}
