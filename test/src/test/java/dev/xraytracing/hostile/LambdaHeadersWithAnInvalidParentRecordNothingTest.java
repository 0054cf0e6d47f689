package dev.xraytracing.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xraytracing.Tracing;
import dev.xraytracing.internal.LambdaTraceHeader;
import dev.xraytracing.testing.TracingExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.utilslite.SdkInternalThreadLocal;

/** Issue 11, item 8: a Parent that is not an entity id would make every document invalid; nothing is recorded. */
class LambdaHeadersWithAnInvalidParentRecordNothingTest {

    @RegisterExtension
    static final TracingExtension tracing = TracingExtension.inLambda();

    @ParameterizedTest
    @ValueSource(strings = {"xyz", "", "53995c3f42cd8ad8x", "53995c3f42cd8ad", "-"})
    void anInvalidParentRunsTheBodyAndSendsNothing(String parent) {
        SdkInternalThreadLocal.put(LambdaTraceHeader.THREAD_LOCAL_KEY,
                "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=" + parent + ";Sampled=1");

        String result = Tracing.sub("Work", s -> "ran");
        assertThat(result).isEqualTo("ran");

        assertThat(tracing.emitter().documents()).isEmpty();
    }

    @Test
    void aTenThousandCharacterParentRunsTheBodyAndSendsNothing() {
        SdkInternalThreadLocal.put(LambdaTraceHeader.THREAD_LOCAL_KEY,
                "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=" + "a".repeat(10_000) + ";Sampled=1");

        String result = Tracing.sub("Work", s -> "ran");
        assertThat(result).isEqualTo("ran");

        assertThat(tracing.emitter().documents()).isEmpty();
    }

    @Test
    void aValidParentIsStillRecorded() {
        SdkInternalThreadLocal.put(LambdaTraceHeader.THREAD_LOCAL_KEY,
                "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1");

        Tracing.sub("Work", s -> "ran");

        assertThat(tracing.emitter().documents()).hasSize(1);
    }
}
