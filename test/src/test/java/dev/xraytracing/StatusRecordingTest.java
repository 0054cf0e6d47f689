package dev.xraytracing;

import static dev.xraytracing.testing.TracingAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.xraytracing.fakes.FakeAws;
import dev.xraytracing.status.CallStatus;
import dev.xraytracing.status.StatusReader;
import dev.xraytracing.testing.TracingExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;

class StatusRecordingTest {

    @RegisterExtension
    static final TracingExtension tracing = TracingExtension.inSegment();

    /** One fake per test, not per class: tests run concurrently and each sets its own answer. */
    private final FakeAws lambda = FakeAws.start();
    private final LambdaClient client = lambda.lambda();

    static final InvokeRequest REQUEST = InvokeRequest.builder().functionName("MySecondLambda")
            .payload(SdkBytes.fromUtf8String("{\"message\": \"Hello from Lambda 1\"}")).build();

    @AfterEach
    void stopLambda() {
        lambda.close();
    }

    @Test
    void aSuccessfulInvokeIsRecordedWithoutCause() {
        lambda.json(200, "{}");

        InvokeResponse response = Tracing.sub("CallSecondLambda", s -> client.invoke(REQUEST));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(tracing.trace()).subsegment("CallSecondLambda").isOk().hasHttpStatus(200);
    }

    @Test
    void aFunctionErrorOnA200IsAFault() {
        lambda.json(200, "{\"errorMessage\":\"boom\"}", "X-Amz-Function-Error", "Unhandled");

        InvokeResponse response = Tracing.sub("CallSecondLambda", s -> client.invoke(REQUEST));

        assertThat(response.functionError()).isEqualTo("Unhandled");
        assertThat(tracing.trace()).subsegment("CallSecondLambda").isFault()
                .hasExceptionOfType("FunctionError").hasExceptionMessageContaining("Unhandled");
    }

    @Test
    void aThrottledInvokeThrowsAndIsRecordedAsThrottle() {
        for (int attempt = 0; attempt < 3; attempt++) {
            lambda.jsonError(429, "TooManyRequestsException", "Rate exceeded");
        }

        assertThatThrownBy(() -> Tracing.sub("CallSecondLambda", s -> client.invoke(REQUEST)))
                .isInstanceOf(TooManyRequestsException.class);

        // A 429 is the service's answer: error and throttle, as the SDK call's own subsegment says, not a fault.
        assertThat(tracing.trace()).subsegment("CallSecondLambda").isNotFault().isError().isThrottle()
                .hasExceptionOfType("TooManyRequestsException");
    }

    @Test
    void anApiGatewayResponseOf503IsAFault() {
        Tracing.sub("Proxy", s -> new APIGatewayProxyResponseEvent().withStatusCode(503));

        assertThat(tracing.trace()).subsegment("Proxy").isFault().hasExceptionMessageContaining("503");
    }

    @Test
    void aUserTaughtStatusTypeIsRead() {
        StatusReader.register(TeapotResponse.class, r -> CallStatus.of(r.code));

        Tracing.sub("Brew", s -> new TeapotResponse(418));

        assertThat(tracing.trace()).subsegment("Brew").isError().hasHttpStatus(418);
    }

    @Test
    void aResultWithoutStatusIsNotInspectedFurther() {
        Tracing.sub("Compute", s -> 42);

        assertThat(tracing.trace()).subsegment("Compute").isOk();
    }

    static final class TeapotResponse {
        final int code;

        TeapotResponse(int code) {
            this.code = code;
        }
    }
}
