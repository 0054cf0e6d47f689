package dev.xraytracing;

import static dev.xraytracing.testing.TracingAssertions.assertThat;

import dev.xraytracing.status.CallStatus;
import dev.xraytracing.status.StatusReader;
import dev.xraytracing.testing.TracingExtension;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Each test has a tracer of its own: two kinds of test teach the same result type opposite statuses, many times over,
 * concurrently, and each sees only its own reader. With one process-wide table of readers they would read each
 * other's.
 */
class TestsShareNoTracerStateTest {

    @RegisterExtension
    final TracingExtension tracing = TracingExtension.inSegment();

    record Reply(String body) {
    }

    @RepeatedTest(25)
    void aReaderRegisteredInOneTestDoesNotReachAnother() {
        StatusReader.register(Reply.class, reply -> CallStatus.of(503));

        Tracing.sub("Call", s -> new Reply("x"));

        assertThat(tracing.trace()).subsegment("Call").isFault().hasHttpStatus(503);
    }

    @RepeatedTest(25)
    void theOtherTestReadsTheSameTypeItsOwnWay() {
        StatusReader.register(Reply.class, reply -> CallStatus.of(200));

        Tracing.sub("Call", s -> new Reply("x"));

        assertThat(tracing.trace()).subsegment("Call").isOk().hasHttpStatus(200);
    }
}
