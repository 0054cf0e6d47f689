package dev.xraytracing.lambda;

import static dev.xraytracing.testing.TracingAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import dev.xraytracing.hostile.Hostile;
import dev.xraytracing.lambda.testing.Invocation;
import dev.xraytracing.lambda.testing.LambdaInvoker;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResponseCaptureTest {

    @Test
    void responsesAreNotCapturedByDefault() {
        Invocation<String> invocation = LambdaInvoker.of(new Handlers.Greeter()).invoke("Ada");

        assertThat(invocation.trace().get("## handleRequest").metadata()).doesNotContainKey("lambda");
    }

    @Test
    void aHandlerThatOptsInRecordsItsResponseAsMetadata() {
        RequestHandler<String, Map<String, Object>> handler = TracedHandler.of(
                (input, context) -> Map.of("orderId", input, "total", 12),
                HandlerTracing.defaults().captureResponse(true));

        Invocation<Map<String, Object>> invocation = LambdaInvoker.of(handler).invoke("o-1");

        JsonNode response = assertThat(invocation.trace()).subsegment("## handleRequest")
                .metadata("lambda", "response");
        assertThat(response.path("orderId").asText()).isEqualTo("o-1");
        assertThat(response.path("total").asInt()).isEqualTo(12);
    }

    @Test
    void aCapturedResponseIsCutAtTheLimit() {
        HandlerTracing tracing = HandlerTracing.defaults().captureResponse(true).captureLimit(10);
        RequestHandler<String, String> handler = TracedHandler.of((input, context) -> "x".repeat(100), tracing);

        Invocation<String> invocation = LambdaInvoker.of(handler).invoke("");

        String captured = assertThat(invocation.trace()).subsegment("## handleRequest")
                .metadata("lambda", "response").asText();
        assertThat(captured).startsWith("xxxxxxxxxx...").contains("cut at 10 of 100");
    }

    @Test
    void aHandlerThatOptsInRecordsItsErrorAsMetadata() {
        Invocation<String> invocation = LambdaInvoker.of(
                new Handlers.Thrower(HandlerTracing.defaults().captureResponse(true)))
                .invoke(new IllegalStateException("out of stock"));

        JsonNode error = assertThat(invocation.trace()).subsegment("## handleRequest").isFault()
                .metadata("lambda", "error");
        assertThat(error.path("type").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(error.path("message").asText()).isEqualTo("out of stock");
    }

    /** A response bean whose getter throws an Error (Jackson calls getters). */
    public static final class ErrorGetter {
        public String getBroken() {
            throw new AssertionError("getter error");
        }
    }

    @Test
    void aResponseWhoseGetterThrowsAnErrorIsCapturedAsAPlaceholder() {
        RequestHandler<String, ErrorGetter> handler = TracedHandler.of((input, context) -> new ErrorGetter(),
                HandlerTracing.defaults().captureResponse(true));

        Invocation<ErrorGetter> invocation = LambdaInvoker.of(handler).invoke("");

        assertThat(invocation.threw()).isFalse();
        String captured = assertThat(invocation.trace()).subsegment("## handleRequest")
                .metadata("lambda", "response").asText();
        assertThat(captured).startsWith("<unserializable " + ErrorGetter.class.getName() + ": ").endsWith(">");
    }

    @Test
    void aResponseWhoseToStringReturnsNullIsCapturedAsAPlaceholder() {
        RequestHandler<String, CharSequence> handler = TracedHandler.of(
                (input, context) -> new Hostile.NullText(), HandlerTracing.defaults().captureResponse(true));

        Invocation<CharSequence> invocation = LambdaInvoker.of(handler).invoke("");

        assertThat(invocation.threw()).isFalse();
        assertThat(assertThat(invocation.trace()).subsegment("## handleRequest").metadata("lambda", "response")
                .asText())
                .isEqualTo("<unserializable " + Hostile.NullText.class.getName() + ": toString() returned null>");
    }

    @Test
    void aResponseWhoseToStringThrowsIsCapturedAsAPlaceholder() {
        RequestHandler<String, CharSequence> handler = TracedHandler.of(
                (input, context) -> new Hostile.ThrowingText(), HandlerTracing.defaults().captureResponse(true));

        Invocation<CharSequence> invocation = LambdaInvoker.of(handler).invoke("");

        assertThat(invocation.threw()).isFalse();
        assertThat(assertThat(invocation.trace()).subsegment("## handleRequest").metadata("lambda", "response")
                .asText()).isEqualTo("<unserializable " + Hostile.ThrowingText.class.getName()
                        + ": toString() threw java.lang.IllegalStateException>");
    }

    @Test
    void anErrorWhoseGetMessageThrowsIsCapturedWithANoteForItsMessage() {
        Invocation<String> invocation = LambdaInvoker.of(
                new Handlers.Thrower(HandlerTracing.defaults().captureResponse(true)))
                .invoke(new Hostile.Lying());

        assertThat(invocation.thrown()).isInstanceOf(Hostile.Lying.class);
        JsonNode error = assertThat(invocation.trace()).subsegment("## handleRequest").metadata("lambda", "error");
        assertThat(error.path("type").asText()).isEqualTo(Hostile.Lying.class.getName());
        assertThat(error.path("message").asText()).isEqualTo("<getMessage() threw java.lang.IllegalStateException>");
    }
}
