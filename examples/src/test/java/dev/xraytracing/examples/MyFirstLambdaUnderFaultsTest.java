package dev.xraytracing.examples;

import static dev.xraytracing.testing.TracingAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.xraytracing.lambda.testing.Invocation;
import dev.xraytracing.lambda.testing.LambdaInvoker;
import dev.xraytracing.lambda.testing.TestContext;
import dev.xraytracing.lambda.testing.Faults;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * The example of issue 13: MyFirstLambda under a fault rule that throttles its {@code Lambda.Invoke}, with a real
 * client against the local stand-in for the Lambda service. The SDK retries the injected throttle as it would the
 * service's own, the handler answers 502 with its error body, and the trace shows each attempt and the rule.
 */
class MyFirstLambdaUnderFaultsTest {
    private static final Faults THROTTLED_INVOKE =
            Faults.rule("sdk:Lambda.Invoke=status:429,errorCode=TooManyRequestsException,id=throttle-invoke").seed(7);

    private final FakeLambdaService lambdaService = new FakeLambdaService();
    /** The SDK's own retry policy at 3 attempts, without its waits. */
    private final LambdaClient client = lambdaService.clientBuilder()
            .overrideConfiguration(c -> c.retryStrategy(b -> b.maxAttempts(3)
                    .backoffStrategy(BackoffStrategy.retryImmediately())
                    .throttlingBackoffStrategy(BackoffStrategy.retryImmediately())))
            .build();
    private final MyFirstLambda handler = new MyFirstLambda(client, "MySecondLambda");

    @AfterEach
    void stop() {
        client.close();
        lambdaService.close();
    }

    private static APIGatewayProxyRequestEvent hello() {
        return new APIGatewayProxyRequestEvent().withHttpMethod("GET").withPath("/hello");
    }

    @Test
    void aThrottledInvokeIsRetriedAndAnswered502WithTheErrorBody() {
        Invocation<APIGatewayProxyResponseEvent> run =
                THROTTLED_INVOKE.run(() -> handler.handleRequest(hello(), TestContext.create()));

        assertThat(run.output().getStatusCode()).isEqualTo(502);
        assertThat(run.output().getBody()).isEqualTo(MyFirstLambda.FAILURE_BODY);
        assertThat(lambdaService.invokedPaths()).as("no attempt reached the service").isEmpty();
        assertThat(run.trace()).subsegment("Lambda")
                .hasSdkAttempts(3).isThrottle()
                .hasAnnotation("FaultInjected", true).hasAnnotation("FaultRule", "throttle-invoke")
                .hasAnnotation("FaultMode", "status")
                .child("Attempt 1").hasHttpStatus(429).isThrottle();
        assertThat(run.trace()).subsegment("CallSecondLambda").hasExceptionOfType("TooManyRequestsException");
        assertThat(run.trace()).subsegment("## handleRequest").hasAnnotation("FaultInjected", true).isFault();
    }

    @Test
    void throughAnInvokerTheSameRuleGivesTheSameAnswer() {
        Invocation<APIGatewayProxyResponseEvent> invocation =
                LambdaInvoker.of(handler).withFaults(THROTTLED_INVOKE).invoke(hello());

        assertThat(invocation.output().getStatusCode()).isEqualTo(502);
        assertThat(invocation.trace()).subsegment("Lambda").hasSdkAttempts(3);
    }

    @Test
    void aRuleForAnotherCallLeavesTheHandlerAlone() {
        Invocation<APIGatewayProxyResponseEvent> run = Faults.rule("sdk:DynamoDB.GetItem=status:500")
                .run(() -> handler.handleRequest(hello(), TestContext.create()));

        assertThat(run.output().getStatusCode()).isEqualTo(200);
        assertThat(run.trace()).subsegment("Lambda").hasSdkAttempts(1).isOk().hasNoAnnotation("FaultInjected");
    }
}
