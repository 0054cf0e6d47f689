package dev.xraytracing.lambda;

import static dev.xraytracing.testing.TracingAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.xraytracing.lambda.testing.Invocation;
import dev.xraytracing.lambda.testing.LambdaInvoker;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class StreamHandlerTest {

    @Test
    void aStreamHandlerIsTracedLikeAPlainOne() {
        Invocation<String> invocation = LambdaInvoker.ofStream(new Handlers.UpperCaser()).invoke("hello");

        assertThat(invocation.output()).isEqualTo("HELLO");
        assertThat(invocation.trace()).subsegment("## handleRequest")
                .hasAnnotation("ColdStart", true).hasAnnotation("Bytes", 5).isOk();
    }

    @Test
    void theStreamDecoratorRecordsAndRethrowsTheHandlersIoException() {
        IOException failure = new IOException("pipe closed");
        RequestStreamHandler failing = (input, output, context) -> {
            throw failure;
        };

        Invocation<String> invocation = LambdaInvoker.ofStream(TracedHandler.ofStream(failing)).invoke("x");

        assertThat(invocation.thrown()).isSameAs(failure);
        assertThat(invocation.trace()).subsegment("## handleRequest").isFault()
                .hasExceptionOfType("java.io.IOException");
    }
}
