package dev.xraytracing.lambda;

import static dev.xraytracing.testing.TracingAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.xraytracing.Tracing;
import dev.xraytracing.lambda.testing.Invocation;
import dev.xraytracing.lambda.testing.LambdaInvoker;
import dev.xraytracing.lambda.testing.TestContext;
import dev.xraytracing.trace.RecordedEntity;
import dev.xraytracing.trace.TraceDocuments;
import org.junit.jupiter.api.Test;

class TracedRequestHandlerTest {

    @Test
    void eachInvocationGetsAHandlerSubsegmentUnderTheFunctionSegment() {
        Invocation<String> invocation = LambdaInvoker.of(new Handlers.Greeter()).invoke("Ada");

        assertThat(invocation.output()).isEqualTo("Hello, Ada");
        RecordedEntity handler = invocation.trace().get("## handleRequest");
        assertThat(handler.parentId()).isEqualTo(parentOf(invocation.traceHeader()));
        assertThat(handler).isClosed().isOk().child("BuildGreeting");
    }

    @Test
    void annotatesServiceAsTheFunctionNameAndTheRequestId() {
        Invocation<String> invocation = LambdaInvoker.of(new Handlers.Greeter())
                .withContext(TestContext.forFunction("greeter").withRequestId("req-42"))
                .invoke("Ada");

        assertThat(invocation.trace()).subsegment("## handleRequest")
                .hasAnnotation("Service", "greeter")
                .hasAnnotation("RequestId", "req-42");
    }

    @Test
    void serviceAndSubsegmentNameAreConfigurable() {
        HandlerTracing tracing = HandlerTracing.defaults().service("greetings").subsegmentName("## Greeter");

        Invocation<String> invocation = LambdaInvoker.of(new Handlers.Greeter(tracing)).invoke("Ada");

        assertThat(invocation.trace()).subsegment("## Greeter").hasAnnotation("Service", "greetings");
    }

    @Test
    void annotationsAnywhereInTheHandlerLandOnTheHandlerSubsegmentNeverOnTheFacade() {
        Invocation<String> invocation = LambdaInvoker.of(new Handlers.Greeter()).invoke("Ada");

        assertThat(invocation.trace()).subsegment("## handleRequest").hasAnnotation("Greeted", "Ada");
        String facadeId = parentOf(invocation.traceHeader());
        assertThat(invocation.documents()).allSatisfy(document ->
                assertThat(TraceDocuments.parse(document).path("id").asText()).isNotEqualTo(facadeId));
    }

    @Test
    void annotationsDeepInsideNestedCodeLandOnTheInnermostSubsegment() {
        RequestHandler<String, String> handler = TracedHandler.of((input, context) -> {
            Tracing.run("Outer", outer -> Tracing.run("Inner", inner -> deepHelper()));
            Tracing.metadata("where", "handler");
            return input;
        });

        Invocation<String> invocation = LambdaInvoker.of(handler).invoke("x");

        assertThat(invocation.trace()).subsegment("Inner").hasAnnotation("Depth", "deep");
        assertThat(invocation.trace()).subsegment("## handleRequest").hasMetadata("default", "where")
                .hasNoAnnotation("Depth");
    }

    @Test
    void theDecoratorTracesAHandlerThatCannotExtendTheBaseClass() {
        RequestHandler<String, Integer> length = (input, context) -> input.length();

        Invocation<Integer> invocation = LambdaInvoker.of(TracedHandler.of(length)).invoke("four");

        assertThat(invocation.output()).isEqualTo(4);
        assertThat(invocation.trace()).subsegment("## handleRequest").hasAnnotation("ColdStart", true);
    }

    @Test
    void nothingIsLeftCurrentOnTheThreadAfterTheHandlerReturns() {
        LambdaInvoker.of(new Handlers.Greeter()).invoke("Ada");

        assertThat(com.amazonaws.xray.ThreadLocalStorage.get()).isNull();
    }

    private static void deepHelper() {
        Tracing.annotate("Depth", "deep");
    }

    static String parentOf(String header) {
        return header.split("Parent=")[1].substring(0, 16);
    }
}
