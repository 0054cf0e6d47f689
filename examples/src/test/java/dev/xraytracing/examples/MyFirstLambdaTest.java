package dev.xraytracing.examples;

import static dev.xraytracing.testing.TracingAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.xraytracing.lambda.testing.Invocation;
import dev.xraytracing.lambda.testing.LambdaInvoker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.LambdaClient;

class MyFirstLambdaTest {
    private final FakeLambdaService lambdaService = new FakeLambdaService();
    private final LambdaClient client = lambdaService.client();
    private final LambdaInvoker<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> myFirstLambda =
            LambdaInvoker.of(new MyFirstLambda(client, "MySecondLambda"));

    @AfterEach
    void stop() {
        client.close();
        lambdaService.close();
    }

    private Invocation<APIGatewayProxyResponseEvent> callThroughApiGateway() {
        return myFirstLambda.invoke(new APIGatewayProxyRequestEvent().withHttpMethod("GET").withPath("/hello"));
    }

    @Test
    void invokesTheSecondFunctionAndSaysSo() {
        Invocation<APIGatewayProxyResponseEvent> invocation = callThroughApiGateway();

        assertThat(invocation.output().getStatusCode()).isEqualTo(200);
        assertThat(invocation.output().getBody()).isEqualTo("\"Successfully invoked Lambda 2!\"");
        assertThat(lambdaService.invokedPaths()).containsExactly("/2015-03-31/functions/MySecondLambda/invocations");
    }

    @Test
    void traceShowsTheInvokeInsideCallSecondLambdaWithItsStatus() {
        Invocation<APIGatewayProxyResponseEvent> invocation = callThroughApiGateway();

        assertThat(invocation.trace()).subsegment("CallSecondLambda")
                .hasAnnotation("SecondLambdaStatus", 200)
                .isOk()
                .hasParent("## handleRequest")
                .child("Lambda").hasNamespace("aws").hasAwsField("operation", "Invoke");
    }

    @Test
    void theTraceHeaderReachesTheSecondFunction() {
        Invocation<APIGatewayProxyResponseEvent> invocation = callThroughApiGateway();

        String root = invocation.traceHeader().split(";")[0];
        assertThat(lambdaService.traceHeaders()).singleElement().asString().startsWith(root + ";Parent=");
    }

    @Test
    void aFunctionErrorIsRecordedAsAFaultAndAnswered502() {
        lambdaService.answering(200, "Unhandled", "{\"errorMessage\":\"boom\",\"errorType\":\"IllegalStateException\"}");

        Invocation<APIGatewayProxyResponseEvent> invocation = callThroughApiGateway();

        assertThat(invocation.output().getStatusCode()).isEqualTo(502);
        assertThat(invocation.trace()).subsegment("CallSecondLambda").isFault().hasExceptionOfType("FunctionError");
    }

    @Test
    void aThrottleIsRecordedAndAnswered502() {
        lambdaService.answering(429, null, "{\"__type\":\"TooManyRequestsException\",\"message\":\"Rate exceeded\"}");

        Invocation<APIGatewayProxyResponseEvent> invocation = callThroughApiGateway();

        assertThat(invocation.output().getStatusCode()).isEqualTo(502);
        assertThat(invocation.output().getBody()).isEqualTo("\"Lambda 2 failed\"");
        assertThat(invocation.trace()).subsegment("Lambda").isError().isThrottle();
        assertThat(invocation.trace()).subsegment("CallSecondLambda").hasExceptionOfType("TooManyRequestsException")
                .isError().isThrottle().isNotFault();
        // The handler answered: its subsegment carries the 502 it returned, a fault of its own.
        assertThat(invocation.trace()).subsegment("## handleRequest").isFault().isNotThrottle();
    }

    @Test
    void aServerErrorIsAFaultAndAnswered502() {
        lambdaService.answering(500, null, "{\"__type\":\"ServiceException\",\"message\":\"internal\"}");

        Invocation<APIGatewayProxyResponseEvent> invocation = callThroughApiGateway();

        assertThat(invocation.output().getStatusCode()).isEqualTo(502);
        assertThat(invocation.trace()).subsegment("Lambda").isFault();
        assertThat(invocation.trace()).subsegment("CallSecondLambda").isFault().hasExceptionOfType("ServiceException");
    }
}
