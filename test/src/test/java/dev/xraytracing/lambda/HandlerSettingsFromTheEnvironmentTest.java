package dev.xraytracing.lambda;

import static dev.xraytracing.testing.TracingAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.xraytracing.lambda.testing.Invocation;
import dev.xraytracing.lambda.testing.LambdaInvoker;
import dev.xraytracing.lambda.testing.TestContext;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a function's environment variables decide for traced handlers (docs/configuration.md), and what the handler's
 * own {@link HandlerTracing} settings still decide over them.
 */
class HandlerSettingsFromTheEnvironmentTest {

    private static <O> Invocation<O> invokeWith(Map<String, String> environment, RequestHandler<String, O> handler) {
        return LambdaInvoker.of(handler).withEnvironment(environment).withContext(TestContext.forFunction("greeter"))
                .invoke("Ada");
    }

    @Test
    void theServiceNameComesFromPowertoolsServiceNameOverTheFunctionName() {
        Invocation<String> invocation = invokeWith(Map.of("POWERTOOLS_SERVICE_NAME", "orders"), new Handlers.Greeter());

        assertThat(invocation.trace()).subsegment("## handleRequest").hasAnnotation("Service", "orders");
    }

    @Test
    void ourServiceVariableWinsOverPowertoolsAndOpenTelemetry() {
        Invocation<String> invocation = invokeWith(Map.of("XRAY_TRACING_SERVICE_NAME", "ours",
                "POWERTOOLS_SERVICE_NAME", "powertools", "OTEL_SERVICE_NAME", "otel"), new Handlers.Greeter());

        assertThat(invocation.trace()).subsegment("## handleRequest").hasAnnotation("Service", "ours");
    }

    @Test
    void aServiceSetInCodeWinsOverTheEnvironment() {
        Invocation<String> invocation = invokeWith(Map.of("POWERTOOLS_SERVICE_NAME", "orders"),
                new Handlers.Greeter(HandlerTracing.defaults().service("greetings")));

        assertThat(invocation.trace()).subsegment("## handleRequest").hasAnnotation("Service", "greetings");
    }

    @Test
    void theHandlerSubsegmentIsNamedByTheEnvironmentUnlessTheCodeNamesIt() {
        Map<String, String> environment = Map.of("XRAY_TRACING_HANDLER_SUBSEGMENT", "## Orders");

        assertThat(invokeWith(environment, new Handlers.Greeter()).trace()).subsegment("## Orders").isOk();
        assertThat(invokeWith(environment, new Handlers.Greeter(HandlerTracing.defaults().subsegmentName("## Code")))
                .trace()).subsegment("## Code").isOk();
    }

    @Test
    void responsesAreCapturedWhenTheEnvironmentSaysSo() {
        RequestHandler<String, Map<String, Object>> handler = TracedHandler.of(
                (input, context) -> Map.of("orderId", input));

        Invocation<Map<String, Object>> invocation = invokeWith(Map.of("XRAY_TRACING_CAPTURE_RESPONSE", "true"),
                handler);

        assertThat(assertThat(invocation.trace()).subsegment("## handleRequest").metadata("lambda", "response")
                .path("orderId").asText()).isEqualTo("Ada");
    }

    @Test
    void withTracingSwitchedOffTheHandlerRunsAndNothingIsEmitted() {
        Invocation<String> invocation = invokeWith(Map.of("XRAY_TRACING_ENABLED", "false"), new Handlers.Greeter());

        assertThat(invocation.output()).isEqualTo("Hello, Ada");
        assertThat(invocation.documents()).isEmpty();
    }
}
