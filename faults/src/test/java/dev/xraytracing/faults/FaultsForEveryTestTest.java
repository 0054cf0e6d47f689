package dev.xraytracing.faults;

import static dev.xraytracing.testing.TracingAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xraytracing.Tracing;
import dev.xraytracing.testing.Faults;
import dev.xraytracing.testing.TracingExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link TracingExtension#withFaults}: each test's tracer injects the given rules. */
class FaultsForEveryTestTest {
    @RegisterExtension
    static final TracingExtension tracing = TracingExtension.inSegment()
            .withFaults(Faults.rule("block:Work=exception:java.lang.IllegalStateException,id=boom"));

    @Test
    void theRuleOfTheExtensionHitsTheBlock() {
        assertThatThrownBy(() -> Tracing.run("Work", s -> { })).isExactlyInstanceOf(IllegalStateException.class);

        assertThat(tracing.trace()).subsegment("Work").hasAnnotation("FaultRule", "boom").isFault();
    }

    @Test
    void otherBlocksRunAsWritten() {
        Tracing.run("Other", s -> { });

        assertThat(tracing.trace()).subsegment("Other").isOk();
    }
}
