package dev.xraytracing.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xraytracing.Tracing;
import dev.xraytracing.internal.LambdaTraceHeader;
import dev.xraytracing.internal.TracerCore;
import dev.xraytracing.testing.TracingExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.utilslite.SdkInternalThreadLocal;

/**
 * Issue 22, item 1: a Root the X-Ray SDK cannot read leaves no usable parent (the SDK starts a new trace, so the
 * caller's Parent would name a segment no document of that trace holds); nothing is recorded, with a warning.
 */
class LambdaHeadersWithAnInvalidRootRecordNothingTest {

    @RegisterExtension
    static final TracingExtension tracing = TracingExtension.inLambda();

    @ParameterizedTest
    @ValueSource(strings = {"1-abc", "1-5759E988-BD862E3FE1BE46A994272793", "2-5759e988-bd862e3fe1be46a994272793",
            "1-5759e988-bd862e3fe1be46a9942727930", ""})
    void aRootThatIsNotATraceIdRunsTheBodyAndSendsNothingWithAWarning(String root) {
        SdkInternalThreadLocal.put(LambdaTraceHeader.THREAD_LOCAL_KEY,
                "Root=" + root + ";Parent=53995c3f42cd8ad8;Sampled=1");

        String result = Tracing.sub("Work", s -> "ran");

        assertThat(result).isEqualTo("ran");
        assertThat(tracing.emitter().documents()).isEmpty();
        assertThat(TracerCore.current().warnings().warn("header:root", "again")).as("warned already").isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"root", "ROOT"})
    void aRootKeyInAnotherCaseIsNoRoot(String key) {
        SdkInternalThreadLocal.put(LambdaTraceHeader.THREAD_LOCAL_KEY,
                key + "=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1");

        Tracing.sub("Work", s -> "ran");

        assertThat(tracing.emitter().documents()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Sampled=0;Sampled=1", "Sampled=1;Sampled=0"})
    void aRepeatedDecisionIsReadAsItsLastValue(String decisions) {
        SdkInternalThreadLocal.put(LambdaTraceHeader.THREAD_LOCAL_KEY,
                "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;" + decisions);

        Tracing.sub("Work", s -> "ran");

        assertThat(tracing.emitter().documents()).hasSize(decisions.endsWith("1") ? 1 : 0);
    }
}
