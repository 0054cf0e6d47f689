package dev.xraytracing.local.internal.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.SnsException;

/**
 * Unmodified SDK v2 clients, pointed at the no-engine service, raise their service's own exception with the code
 * {@code NoLocalEngine} and a message naming the service and operation, after one attempt, whatever the protocol.
 */
class NoEngineServiceTest {
    final NoEngineService service = new NoEngineService();

    @AfterEach
    void stop() {
        service.close();
    }

    @Test
    void a_json_protocol_call_fails_once_with_the_service_exception_naming_dynamodb_and_the_operation() {
        try (DynamoDbClient dynamo = pointedAtService(DynamoDbClient.builder())) {
            DynamoDbException failure = catchThrowableOfType(DynamoDbException.class,
                    () -> dynamo.putItem(b -> b.tableName("Orders").item(java.util.Map.of())));

            assertNoLocalEngine(failure, "dynamodb (DynamoDB_20120810.PutItem)", "AWS_ENDPOINT_URL_DYNAMODB");
        }
    }

    @Test
    void a_query_protocol_call_fails_once_with_the_service_exception_naming_sns_and_the_action() {
        try (SnsClient sns = pointedAtService(SnsClient.builder())) {
            SnsException failure = catchThrowableOfType(SnsException.class,
                    () -> sns.publish(b -> b.topicArn("arn:aws:sns:us-east-1:123456789012:orders").message("hi")));

            assertNoLocalEngine(failure, "sns (Publish)", "AWS_ENDPOINT_URL_SNS");
        }
    }

    @Test
    void an_s3_call_fails_once_with_s3s_own_error_shape() {
        try (S3Client s3 = pointedAtService(S3Client.builder())) {
            S3Exception failure = catchThrowableOfType(S3Exception.class,
                    () -> s3.getObject(b -> b.bucket("invoices").key("2026/12.pdf"), (response, in) -> null));

            assertNoLocalEngine(failure, "s3 (GET /invoices/2026/12.pdf)", "AWS_ENDPOINT_URL_S3");
        }
    }

    @Test
    void a_rest_json_call_reads_the_code_from_the_error_type_header() {
        try (LambdaClient lambda = pointedAtService(LambdaClient.builder())) {
            LambdaException failure = catchThrowableOfType(LambdaException.class,
                    () -> lambda.invoke(b -> b.functionName("Billing").payload(SdkBytes.fromUtf8String("{}"))));

            assertNoLocalEngine(failure, "lambda (POST /2015-03-31/functions/Billing/invocations)",
                    "AWS_ENDPOINT_URL_LAMBDA");
        }
    }

    @Test
    void each_service_is_one_problem_line_however_often_it_is_called() {
        try (DynamoDbClient dynamo = pointedAtService(DynamoDbClient.builder());
             SnsClient sns = pointedAtService(SnsClient.builder())) {
            for (int i = 0; i < 3; i++) {
                catchThrowableOfType(DynamoDbException.class, () -> dynamo.getItem(b -> b.tableName("Orders")));
            }
            catchThrowableOfType(SnsException.class, () -> sns.listTopics());
        }

        assertThat(service.problems()).containsExactly(
                "dynamodb has no engine in this run, so its calls fail at once with NoLocalEngine"
                        + " (first: DynamoDB_20120810.GetItem); to call a server of your own,"
                        + " --env FUNCTION:AWS_ENDPOINT_URL_DYNAMODB=URL",
                "sns has no engine in this run, so its calls fail at once with NoLocalEngine"
                        + " (first: ListTopics); to call a server of your own,"
                        + " --env FUNCTION:AWS_ENDPOINT_URL_SNS=URL");
    }

    private static void assertNoLocalEngine(AwsServiceException failure, String serviceAndOperation,
                                            String endpointVariable) {
        assertThat(failure).as("the call fails with the service's own exception").isNotNull();
        assertThat(failure.awsErrorDetails().errorCode()).isEqualTo("NoLocalEngine");
        assertThat(failure.statusCode()).isEqualTo(501);
        assertThat(failure.awsErrorDetails().errorMessage()).isEqualTo("xray-tracing-local runs no engine for "
                + serviceAndOperation + ": point " + endpointVariable + " at a server of your own with --env");
        assertThat(failure.numAttempts()).as("attempts (the SDK must not retry)").isEqualTo(1);
    }

    private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C pointedAtService(B builder) {
        return builder.endpointOverride(URI.create(service.endpoint()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }
}
