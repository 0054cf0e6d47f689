package dev.xraytracing;

import static dev.xraytracing.testing.TracingAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xraytracing.testing.TracingExtension;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SegmentStartsATraceTest {

    @Nested
    class WhereNoTraceIsCurrent {
        @RegisterExtension
        final TracingExtension tracing = TracingExtension.withoutContext()
                .withTracer(tracer -> tracer.samplingRules(getClass().getResource("/sample-everything.json")));

        @Test
        void startsASampledSegmentAndSendsItWithItsSubsegments() {
            String result = Tracing.segment("OrderService", "GET", "/orders/1",
                    s -> Tracing.sub("LoadOrder", sub -> "order"));

            assertThat(result).isEqualTo("order");
            assertThat(tracing.emitter().trace()).segment("OrderService").isOk().child("LoadOrder");
        }

        @Test
        void recordsTheExceptionOnTheSegmentAndRethrowsIt() {
            IllegalStateException failure = new IllegalStateException("no stock");

            assertThatThrownBy(() -> Tracing.segment("OrderService", s -> {
                throw failure;
            })).isSameAs(failure);

            assertThat(tracing.emitter().trace()).segment("OrderService").isFault()
                    .hasExceptionMessageContaining("no stock");
        }
    }

    @Nested
    class InsideATrace {
        @RegisterExtension
        final TracingExtension tracing = TracingExtension.inLambda();

        @Test
        void opensASubsegmentInstead() {
            Tracing.segment("Nested", s -> 1);

            assertThat(tracing.trace()).subsegment("Nested").isClosed();
        }
    }
}
