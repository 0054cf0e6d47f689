package dev.xraytracing;

import static dev.xraytracing.testing.TracingAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xraytracing.testing.TracingExtension;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SubClosesOnEveryPathTest {

    @RegisterExtension
    static final TracingExtension tracing = TracingExtension.inSegment();

    @Test
    void returnsTheBodysValueAndClosesTheSubsegment() {
        String result = Tracing.sub("Work", s -> "done");

        assertThat(result).isEqualTo("done");
        assertThat(tracing.trace()).subsegment("Work").isClosed().isOk().hasParent("test");
    }

    @Test
    void recordsAndRethrowsACheckedExceptionUnchanged() {
        IOException failure = new IOException("disk gone");

        assertThatThrownBy(() -> Tracing.sub("Read", s -> {
            throw failure;
        })).isSameAs(failure);

        assertThat(tracing.trace()).subsegment("Read").isClosed().isFault()
                .hasExceptionOfType("IOException").hasExceptionMessageContaining("disk gone");
    }

    @Test
    void closesTheSubsegmentWhenTheBodyThrowsAnError() {
        StackOverflowError error = new StackOverflowError("deep");

        assertThatThrownBy(() -> Tracing.run("Recurse", s -> {
            throw error;
        })).isSameAs(error);

        assertThat(tracing.trace()).subsegment("Recurse").isClosed().isFault();
    }

    @Test
    void nestsSubsegmentsUnderTheCurrentOne() {
        Tracing.run("Outer", outer -> Tracing.run("Inner", inner -> inner.annotate("depth", 2)));

        assertThat(tracing.trace()).subsegment("Outer").child("Inner").hasAnnotation("depth", 2);
    }

    @Test
    void manualStatusSetsTheFlagsXRayReads() {
        Tracing.run("NotFound", s -> s.status(404));
        Tracing.run("Throttled", s -> s.status(429));
        Tracing.run("Broken", s -> s.status(503));

        var trace = tracing.trace();
        assertThat(trace).subsegment("NotFound").isError().isNotFault().hasHttpStatus(404)
                .hasExceptionMessageContaining("404");
        assertThat(trace).subsegment("Throttled").isError().isThrottle();
        assertThat(trace).subsegment("Broken").isFault().isNotError();
    }
}
