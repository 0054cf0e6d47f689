package dev.xraytracing.hostile;

import static dev.xraytracing.testing.TracingAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xraytracing.Tracing;
import dev.xraytracing.trace.RecordedException;
import dev.xraytracing.testing.TracingExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;

/** Issue 11, items 13 and 14: responses built the way teams mock clients, and thrown service exceptions. */
class MockedResponsesAndServiceExceptionsFollowTheStatusTableTest {

    @RegisterExtension
    static final TracingExtension tracing = TracingExtension.inSegment();

    @Test
    void aBuilderMadeInvokeResponseOf500IsAFault() {
        Tracing.sub("CallSecondLambda", s -> InvokeResponse.builder().statusCode(500).build());

        assertThat(tracing.trace()).subsegment("CallSecondLambda").isFault().hasHttpStatus(500)
                .hasExceptionOfType("FailedStatus");
    }

    @Test
    void aBuilderMadeFunctionErrorOnA200IsAFault() {
        Tracing.sub("CallSecondLambda", s -> InvokeResponse.builder().statusCode(200).functionError("Unhandled").build());

        assertThat(tracing.trace()).subsegment("CallSecondLambda").isFault().hasExceptionOfType("FunctionError")
                .hasExceptionMessageContaining("Unhandled");
    }

    @Test
    void aBuilderMadeInvokeResponseOf200IsOk() {
        Tracing.sub("CallSecondLambda", s -> InvokeResponse.builder().statusCode(200).build());

        assertThat(tracing.trace()).subsegment("CallSecondLambda").isOk().hasHttpStatus(200);
    }

    @Test
    void aThrown400ServiceExceptionIsARemoteErrorNotAFault() {
        ResourceNotFoundException notFound = (ResourceNotFoundException) ResourceNotFoundException.builder()
                .statusCode(400).message("Function not found").build();

        assertThatThrownBy(() -> Tracing.sub("CallSecondLambda", s -> {
            throw notFound;
        })).isSameAs(notFound);

        var entity = tracing.trace().get("CallSecondLambda");
        assertThat(entity.isError()).isTrue();
        assertThat(entity.isFault()).isFalse();
        assertThat(entity.exceptions()).extracting(RecordedException::isRemote).containsExactly(true);
    }

    @Test
    void aThrown429IsAnErrorAndThrottleAllTheWayUp() {
        TooManyRequestsException throttled = (TooManyRequestsException) TooManyRequestsException.builder()
                .statusCode(429).message("Rate exceeded").build();

        assertThatThrownBy(() -> Tracing.sub("Handler", outer -> Tracing.sub("CallSecondLambda", s -> {
            throw throttled;
        }))).isSameAs(throttled);

        var trace = tracing.trace();
        for (String name : new String[] {"Handler", "CallSecondLambda"}) {
            var entity = trace.get(name);
            assertThat(entity.isFault()).as(name).isFalse();
            assertThat(entity.isError()).as(name).isTrue();
            assertThat(entity.isThrottle()).as(name).isTrue();
        }
    }

    @Test
    void aThrottlingErrorCodeIsAThrottleWhateverItsStatus() {
        AwsServiceException throttled = AwsServiceException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ThrottlingException").build()).build();

        assertThatThrownBy(() -> Tracing.run("Call", s -> {
            throw throttled;
        })).isSameAs(throttled);

        var entity = tracing.trace().get("Call");
        assertThat(entity.isThrottle()).isTrue();
        assertThat(entity.isError()).isTrue();
        assertThat(entity.isFault()).isFalse();
    }

    @Test
    void aThrown503ServiceExceptionIsARemoteFault() {
        SdkServiceException unavailable = SdkServiceException.builder().statusCode(503).message("down").build();

        assertThatThrownBy(() -> Tracing.run("Call", s -> {
            throw unavailable;
        })).isSameAs(unavailable);

        var entity = tracing.trace().get("Call");
        assertThat(entity.isFault()).isTrue();
        assertThat(entity.isError()).isFalse();
        assertThat(entity.exceptions().get(0).isRemote()).isTrue();
    }

    @Test
    void aPlainExceptionStaysALocalFault() {
        IllegalStateException local = new IllegalStateException("bug");

        assertThatThrownBy(() -> Tracing.run("Call", s -> {
            throw local;
        })).isSameAs(local);

        var entity = tracing.trace().get("Call");
        assertThat(entity.isFault()).isTrue();
        assertThat(entity.exceptions().get(0).isRemote()).isFalse();
    }
}
