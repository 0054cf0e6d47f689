package dev.xraytracing.lambda;

import static dev.xraytracing.testing.TracingAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.xraytracing.lambda.testing.Invocation;
import dev.xraytracing.lambda.testing.LambdaInvoker;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class HandlerErrorsTest {

    @Test
    void aCheckedExceptionIsRecordedAsAFaultAndRethrownUnchanged() {
        IOException failure = new IOException("disk gone");

        Invocation<String> invocation = LambdaInvoker.of(new Handlers.Thrower()).invoke(failure);

        assertThat(invocation.thrown()).isSameAs(failure);
        assertThat(invocation.trace()).subsegment("## handleRequest").isFault()
                .hasExceptionOfType("java.io.IOException").hasExceptionMessageContaining("disk gone").isClosed();
    }

    @Test
    void anUncheckedExceptionIsRecordedAsAFaultAndRethrownUnchanged() {
        IllegalArgumentException failure = new IllegalArgumentException("bad order");

        Invocation<String> invocation = LambdaInvoker.of(new Handlers.Thrower()).invoke(failure);

        assertThat(invocation.thrown()).isSameAs(failure);
        assertThat(invocation.trace()).subsegment("## handleRequest").isFault()
                .hasExceptionOfType("java.lang.IllegalArgumentException");
    }

    @Test
    void theRuntimeSeesTheCheckedExceptionItselfNotAWrapper() {
        IOException failure = new IOException("disk gone");
        Handlers.Thrower handler = new Handlers.Thrower();

        assertThatThrownBy(() -> LambdaInvoker.of(handler).call(failure)).isSameAs(failure);
        assertThatThrownBy(() -> handler.handleRequest(failure, null)).isSameAs(failure);
    }

    @Test
    void theDecoratorRecordsAndRethrowsToo() {
        IllegalStateException failure = new IllegalStateException("nope");
        RequestHandler<String, String> failing = (input, context) -> {
            throw failure;
        };

        Invocation<String> invocation = LambdaInvoker.of(TracedHandler.of(failing)).invoke("x");

        assertThat(invocation.thrown()).isSameAs(failure);
        assertThat(invocation.trace()).subsegment("## handleRequest").isFault();
    }

    @Test
    void anUnsampledInvocationStillRethrowsUnchanged() {
        IOException failure = new IOException("disk gone");

        Invocation<String> invocation = LambdaInvoker.of(new Handlers.Thrower()).unsampled().invoke(failure);

        assertThat(invocation.thrown()).isSameAs(failure);
        assertThat(invocation.documents()).isEmpty();
    }
}
