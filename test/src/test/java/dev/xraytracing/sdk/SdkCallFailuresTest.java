package dev.xraytracing.sdk;

import dev.xraytracing.fakes.FakeAws;
import static dev.xraytracing.testing.TracingAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xraytracing.trace.RecordedEntity;
import dev.xraytracing.testing.TracingExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.ServiceException;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;

/**
 * How a failing SDK call is recorded: 4xx is an error, 429 and throttling an error and throttle, 5xx a fault, a service
 * exception is remote, a client-side failure is a fault with its exception, and each retry is a visible attempt. The
 * caller always gets the SDK's own exception.
 */
class SdkCallFailuresTest {

    @RegisterExtension
    static final TracingExtension tracing = TracingExtension.inSegment();

    @RegisterExtension
    final FakeAws aws = FakeAws.start();


    private void invoke() {
        aws.lambda().invoke(r -> r.functionName("second-function"));
    }

    @Test
    void aClientErrorIsAnErrorWithARemoteCauseAndTheRequestId() {
        aws.jsonError(404, "ResourceNotFoundException", "Function not found: second-function");

        assertThatThrownBy(this::invoke).isInstanceOf(ResourceNotFoundException.class);

        RecordedEntity lambda = tracing.trace().get("Lambda");
        assertThat(lambda).isError().isNotFault().isNotThrottle().hasHttpStatus(404)
                .hasExceptionOfType("ResourceNotFoundException").hasExceptionMessageContaining("Function not found")
                .hasAwsField("request_id", "req-1").hasAwsField("retries", 0).hasChildCount(0).hasSdkAttempts(1);
        assertThat(lambda.exceptions().get(0).isRemote()).isTrue();
    }

    @Test
    void throttlingIsRetriedAndEachAttemptIsAChild() {
        aws.jsonError(429, "TooManyRequestsException", "Rate Exceeded.")
                .jsonError(429, "TooManyRequestsException", "Rate Exceeded.")
                .jsonError(429, "TooManyRequestsException", "Rate Exceeded.");

        assertThatThrownBy(this::invoke).isInstanceOf(TooManyRequestsException.class);

        assertThat(aws.received()).hasSize(3);
        RecordedEntity lambda = tracing.trace().get("Lambda");
        assertThat(lambda).isError().isThrottle().isNotFault().hasHttpStatus(429).hasAwsField("retries", 2)
                .hasChildCount(3).hasSdkAttempts(3);
        assertThat(lambda).child("Attempt 1").hasHttpStatus(429).isThrottle();
        assertThat(lambda).child("Attempt 3").hasHttpStatus(429).isThrottle();
    }

    @Test
    void aCallThatSucceedsOnRetryIsOkAndShowsTheFailedAttempt() {
        aws.jsonError(429, "TooManyRequestsException", "Rate Exceeded.").json(200, "{}");

        invoke();

        RecordedEntity lambda = tracing.trace().get("Lambda");
        assertThat(lambda).isOk().hasHttpStatus(200).hasAwsField("retries", 1).hasAwsField("request_id", "req-2")
                .hasChildCount(2).hasSdkAttempts(2);
        assertThat(lambda).child("Attempt 1").isThrottle().hasHttpStatus(429);
        assertThat(lambda).child("Attempt 2").isOk().hasHttpStatus(200);
        RecordedEntity first = lambda.children().get(0);
        RecordedEntity second = lambda.children().get(1);
        assertThat(first.startTime()).isLessThanOrEqualTo(second.startTime());
        assertThat(first.endTime()).isLessThanOrEqualTo(second.startTime());
    }

    @Test
    void aThrottlingExceptionWithStatus400IsAThrottle() {
        for (int i = 0; i < 3; i++) {
            aws.jsonError(400, "com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException",
                    "The level of configured provisioned throughput for the table was exceeded.");
        }

        assertThatThrownBy(() -> aws.dynamoDb().getItem(r -> r.tableName("orders")))
                .isInstanceOf(ProvisionedThroughputExceededException.class);

        assertThat(tracing.trace()).subsegment("DynamoDB").isError().isThrottle().isNotFault()
                .hasAwsField("table_name", "orders").hasAwsField("retries", 2);
    }

    @Test
    void aServerErrorIsAFault() {
        for (int i = 0; i < 3; i++) {
            aws.jsonError(500, "ServiceException", "internal failure");
        }

        assertThatThrownBy(this::invoke).isInstanceOf(ServiceException.class);

        RecordedEntity lambda = tracing.trace().get("Lambda");
        assertThat(lambda).isFault().isNotError().hasHttpStatus(500).hasExceptionOfType("ServiceException")
                .hasAwsField("retries", 2);
        assertThat(lambda.exceptions().get(0).isRemote()).isTrue();
    }

    @Test
    void aFunctionErrorIsAFaultAlthoughTheStatusIs200() {
        aws.json(200, "{\"errorMessage\":\"boom\",\"errorType\":\"RuntimeException\"}",
                "X-Amz-Function-Error", "Unhandled");

        invoke();

        assertThat(tracing.trace()).subsegment("Lambda").isFault().hasHttpStatus(200)
                .hasExceptionOfType("FunctionError").hasExceptionMessageContaining("Unhandled")
                .hasAwsField("function_error", "Unhandled").hasAwsField("status_code", 200);
    }

    @Test
    void aTimeoutIsAFaultWithTheClientException() {
        aws.withOverrides(o -> o.apiCallAttemptTimeout(Duration.ofMillis(200)).retryStrategy(r -> r.maxAttempts(1)));
        aws.slowAnswer(Duration.ofSeconds(3), 200, "application/json", "{}");

        assertThatThrownBy(this::invoke).isInstanceOf(ApiCallAttemptTimeoutException.class);

        assertThat(tracing.trace()).subsegment("Lambda").isFault().isNotError()
                .hasExceptionOfType("ApiCallAttemptTimeoutException").hasAwsField("retries", 0)
                .hasAwsField("function_name", "second-function");
    }

    @Test
    void aRefusedConnectionIsAFaultWithTheClientException() {
        aws.refuseConnections();

        assertThatThrownBy(this::invoke).isInstanceOf(SdkClientException.class);

        RecordedEntity lambda = tracing.trace().get("Lambda");
        assertThat(lambda).isFault().hasExceptionOfType("SdkClientException").hasAwsField("retries", 2)
                .hasChildCount(3);
        assertThat(lambda).child("Attempt 2").isFault();
        assertThat(lambda.exceptions().get(0).isRemote()).isFalse();
    }
}
