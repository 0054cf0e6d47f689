package com.example.orders;

import static dev.xraytracing.testing.TracingAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xraytracing.Tracing;
import dev.xraytracing.lambda.testing.Invocation;
import dev.xraytracing.lambda.testing.LambdaInvoker;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OrderHandlerTest {

    @Test
    void eachInvocationIsTracedAsTheReadmeShows() {
        LambdaInvoker<Map<String, String>, String> lambda = LambdaInvoker.of(new OrderHandler());

        Invocation<String> first = lambda.invoke(Map.of("id", "o-1"));
        assertThat(first.output()).isEqualTo("saved o-1");
        assertThat(first.trace()).subsegment("## handleRequest")
                .hasAnnotation("ColdStart", true).hasAnnotation("OrderId", "o-1").child("SaveOrder");

        assertThat(lambda.invoke(Map.of("id", "o-2")).trace())
                .subsegment("## handleRequest").hasAnnotation("ColdStart", false);
    }

    @Test
    void withoutAnSlf4jProviderOurWarningsReachStandardErrorOnce() {
        PrintStream original = System.err;
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        System.setErr(new PrintStream(errors, true, StandardCharsets.UTF_8));
        try {
            // No trace context here: the body runs, and one warning per process says nothing is recorded.
            Tracing.sub("Untraced", s -> 1);
            Tracing.sub("Untraced", s -> 2);
        } finally {
            System.setErr(original);
        }
        String written = errors.toString(StandardCharsets.UTF_8);
        System.err.print(written); // for the build log, which the it module reads too
        assertThat(written.lines().filter(line -> line.startsWith("[xray-tracing] WARN no trace context")))
                .hasSize(1);
    }
}
