package dev.xraytracing.faults;

import static dev.xraytracing.testing.TracingAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xraytracing.Tracing;
import dev.xraytracing.lambda.testing.Invocation;
import dev.xraytracing.lambda.testing.Faults;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;

/** SDK rules fail attempts with the service's modelled exception when it is on the class path, real client. */
class ModelledSdkExceptionsTest {
    private static LocalLambdaService service;
    private static LambdaClient lambda;

    @BeforeAll
    static void start() {
        service = new LocalLambdaService();
        lambda = service.client();
    }

    @AfterAll
    static void stop() {
        lambda.close();
        service.close();
    }

    /** Calls Invoke inside CallSecondLambda; the exception seen inside the block is kept to compare instances. */
    private static Invocation<InvokeResponse> invokeUnder(Faults faults, AtomicReference<Throwable> seenInside) {
        return faults.run(() -> Tracing.sub("CallSecondLambda", s -> {
            try {
                return lambda.invoke(r -> r.functionName("second"));
            } catch (RuntimeException thrown) {
                seenInside.set(thrown);
                throw thrown;
            }
        }));
    }

    @Test
    void aNamedModelledTypeIsThrownAndTheSdkRetriesItsThrottling() {
        int before = service.served();
        AtomicReference<Throwable> inside = new AtomicReference<>();
        Invocation<InvokeResponse> run = invokeUnder(Faults.rule("[{\"id\":\"throttle\",\"target\":\"sdk:Lambda.Invoke\","
                + "\"mode\":\"exception\",\"status\":429,"
                + "\"type\":\"software.amazon.awssdk.services.lambda.model.TooManyRequestsException\"}]"), inside);

        assertThat(run.thrown()).isInstanceOf(TooManyRequestsException.class).isSameAs(inside.get());
        TooManyRequestsException thrown = (TooManyRequestsException) run.thrown();
        assertThat(thrown.statusCode()).isEqualTo(429);
        assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo("TooManyRequestsException");
        assertThat(thrown.awsErrorDetails().serviceName()).isEqualTo("Lambda");
        assertThat(thrown.isThrottlingException()).isTrue();
        assertThat(service.served()).as("no attempt reached the service").isEqualTo(before);
        assertThat(run.trace()).subsegment("Lambda").hasSdkAttempts(3).isThrottle()
                .hasAnnotation("FaultRule", "throttle").child("Attempt 3").hasHttpStatus(429).isThrottle();
        assertThat(run.trace()).subsegment("CallSecondLambda").hasExceptionOfType("TooManyRequestsException");
    }

    @Test
    void theErrorCodeOfAStatusRuleNamesTheModelledClass() {
        Invocation<InvokeResponse> run = invokeUnder(
                Faults.rule("sdk:Lambda.Invoke=status:429,errorCode=TooManyRequestsException"), new AtomicReference<>());

        assertThat(run.thrown()).isExactlyInstanceOf(TooManyRequestsException.class);
        assertThat(run.trace()).subsegment("Lambda").hasSdkAttempts(3);
    }

    @Test
    void aModelledClientErrorIsNotRetried() {
        Invocation<InvokeResponse> run = invokeUnder(
                Faults.rule("sdk:Lambda.Invoke=exception:404,errorCode=ResourceNotFoundException"), new AtomicReference<>());

        assertThat(run.thrown()).isExactlyInstanceOf(ResourceNotFoundException.class);
        assertThat(((ResourceNotFoundException) run.thrown()).statusCode()).isEqualTo(404);
        assertThat(run.trace()).subsegment("Lambda").hasSdkAttempts(1).isError().isNotThrottle();
    }

    @Test
    void withoutAModelledClassTheExceptionIsAPlainServiceExceptionAndStillRetried() {
        Invocation<InvokeResponse> run = invokeUnder(Faults.rule("sdk:Lambda.Invoke=status:503"), new AtomicReference<>());

        assertThat(run.thrown()).isExactlyInstanceOf(AwsServiceException.class).isNotInstanceOf(LambdaException.class);
        assertThat(((AwsServiceException) run.thrown()).awsErrorDetails().errorCode()).isEqualTo("ServiceUnavailable");
        assertThat(run.trace()).subsegment("Lambda").hasSdkAttempts(3).isFault();
    }

    @Test
    void aNamedTypeThatIsNoServiceExceptionFallsBackToTheErrorCode() {
        Invocation<InvokeResponse> run = invokeUnder(Faults.rule("[{\"id\":\"odd\",\"target\":\"sdk:Lambda.Invoke\","
                + "\"mode\":\"exception\",\"status\":429,\"type\":\"java.lang.IllegalStateException\","
                + "\"errorCode\":\"TooManyRequestsException\"}]"), new AtomicReference<>());

        assertThat(run.thrown()).isExactlyInstanceOf(TooManyRequestsException.class);
    }
}
