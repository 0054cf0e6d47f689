package dev.xraytracing.lambda;

import static dev.xraytracing.testing.TracingAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.xraytracing.Tracing;
import dev.xraytracing.lambda.testing.Invocation;
import dev.xraytracing.lambda.testing.LambdaInvoker;
import dev.xraytracing.lambda.testing.TestContext;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The README's "Lambda handlers" snippets, compiled and run as written there. */
class ReadmeSnippetsTest {

    public static class OrderHandler extends TracedRequestHandler<Map<String, String>, String> {
        public OrderHandler() {
            super(HandlerTracing.defaults()
                    .service("orders")               // Service annotation
                    .captureResponse(true)           // response/error as metadata (namespace "lambda"); off by default
                    .captureLimit(2_048));           // longer captures are cut and marked
        }

        @Override
        protected String handle(Map<String, String> order, Context context) {
            Tracing.annotate("OrderId", order.get("id"));          // lands on "## handleRequest", never on the facade
            return Tracing.sub("SaveOrder", s -> "saved " + order.get("id"));
        }
    }

    @Test
    void testingHandlers() {
        LambdaInvoker<Map<String, String>, String> lambda = LambdaInvoker.of(new OrderHandler());

        Invocation<String> first = lambda.invoke(Map.of("id", "o-1"));
        assertThat(first.output()).isEqualTo("saved o-1");
        assertThat(first.trace()).subsegment("## handleRequest")
                .hasAnnotation("ColdStart", true).hasAnnotation("OrderId", "o-1").child("SaveOrder");

        assertThat(lambda.invoke(Map.of("id", "o-2")).trace())
                .subsegment("## handleRequest").hasAnnotation("ColdStart", false);
    }

    @Test
    void aTestGivesTheHandlerItsRemainingTime() {
        LambdaInvoker<Map<String, String>, String> lambda = LambdaInvoker.of(new OrderHandler());

        Invocation<String> late = lambda.withContext(TestContext.create().withRemainingTimeInMillis(2_000))
                .invoke(Map.of("id", "o-3"));

        assertThat(late.output()).isEqualTo("saved o-3");
        assertThat(late.documents()).isNotEmpty();
        RequestHandler<String, Integer> remaining = TracedHandler.of(
                (input, context) -> context.getRemainingTimeInMillis(), HandlerTracing.defaults());
        assertThat(LambdaInvoker.of(remaining).withContext(TestContext.create().withRemainingTimeInMillis(2_000))
                .invoke("").output()).isEqualTo(2_000);
    }
}
