package dev.xraytracing.examples;

import static dev.xraytracing.testing.TracingAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xraytracing.lambda.testing.Invocation;
import dev.xraytracing.lambda.testing.LambdaInvoker;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MySecondLambdaTest {

    @Test
    void answersLikeAProxyResponseAfterItsWork() {
        Invocation<Map<String, Object>> invocation =
                LambdaInvoker.of(new MySecondLambda(5, null)).invoke(Map.of("message", "Hello from Lambda 1"));

        assertThat(invocation.output()).containsEntry("statusCode", 200).containsEntry("body", "\"Hello from Lambda 2!\"");
        assertThat(invocation.trace()).subsegment("SimulatedWork").hasAnnotation("WorkMillis", 5)
                .hasParent("## handleRequest");
    }

    @Test
    void failsOnRequestSoTheCallerSeesAFunctionError() {
        Invocation<Map<String, Object>> invocation =
                LambdaInvoker.of(new MySecondLambda(0, "simulated failure")).invoke(Map.of());

        assertThat(invocation.thrown()).isInstanceOf(IllegalStateException.class).hasMessage("simulated failure");
        assertThat(invocation.trace()).subsegment("## handleRequest").isFault()
                .hasExceptionMessageContaining("simulated failure");
    }

    @Test
    void theWorkDurationDefaultsToTwoSecondsAndCanBeChanged() {
        assertThat(ExampleSettings.workMillis(Map.of())).isEqualTo(2_000);
        assertThat(ExampleSettings.workMillis(Map.of("WORK_MILLIS", "150"))).isEqualTo(150);
        assertThat(ExampleSettings.secondFunctionName(Map.of())).isEqualTo("MySecondLambda");
        assertThat(ExampleSettings.secondFunctionName(Map.of("SECOND_FUNCTION_NAME", "stack-MySecond-1A2B")))
                .isEqualTo("stack-MySecond-1A2B");
    }
}
