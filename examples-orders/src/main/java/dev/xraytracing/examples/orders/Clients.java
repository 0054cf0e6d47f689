package dev.xraytracing.examples.orders;

import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The SDK clients, one per execution environment, on the JDK's own HTTP client. Region, credentials and endpoints come
 * from the SDK's standard environment variables ({@code AWS_ENDPOINT_URL_DYNAMODB} and its siblings point them at a
 * local run's engines); the library's interceptor traces every call without a line here.
 */
final class Clients {
    private Clients() {
    }

    static DynamoDbClient dynamoDb() {
        return DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
    }

    static SqsClient sqs() {
        return SqsClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
    }

    static S3Client s3() {
        return S3Client.builder().httpClient(UrlConnectionHttpClient.create()).build();
    }

    static SnsClient sns() {
        return SnsClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
    }

    static EventBridgeClient eventBridge() {
        return EventBridgeClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
    }

    /** A variable the template sets; missing, the function cannot work, so its init fails saying which. */
    static String required(String variable) {
        String value = System.getenv(variable);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("environment variable " + variable + " is not set (see template.yaml)");
        }
        return value;
    }
}
