package dev.xraytracing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xraytracing.internal.LambdaTraceHeader;
import dev.xraytracing.internal.config.Configuration;
import dev.xraytracing.internal.InterceptorSwitch;
import dev.xraytracing.testing.TracingExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.api.extension.RegisterExtension;

/** XRAY_TRACING_ENABLED=false: every traced body runs, nothing is recorded or sent, and nothing is logged about it. */
// Standard error is process-wide: no other test may write to it meanwhile.
@Isolated
class OffSwitchTest {
    private static final Configuration OFF = Configuration.of(Map.of("XRAY_TRACING_ENABLED", "false"), Map.of());

    @RegisterExtension
    static final TracingExtension tracing = TracingExtension.inLambda()
            .withTracer(tracer -> tracer.environment(Map.of("XRAY_TRACING_ENABLED", "false")));

    private final ByteArrayOutputStream errors = new ByteArrayOutputStream();
    private PrintStream originalErr;

    @BeforeEach
    void captureStandardError() {
        originalErr = System.err;
        System.setErr(new PrintStream(errors, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreStandardError() {
        System.setErr(originalErr);
    }

    @Test
    void subsegmentsAndSegmentsRunTheirBodiesAndRecordNothing() throws Exception {
        String result = Tracing.sub("Call", s -> {
            s.annotate("key", "value");
            return "done";
        });
        int segment = Tracing.segment("Job", s -> 42);
        Tracing.annotate("outside", "any");

        assertThat(result).isEqualTo("done");
        assertThat(segment).isEqualTo(42);
        assertThat(tracing.emitter().documents()).isEmpty();
        assertThat(errors.toString(StandardCharsets.UTF_8)).as("warnings").isEmpty();
    }

    @Test
    void theBodysExceptionStillPassesThroughUnchanged() {
        IllegalStateException thrown = new IllegalStateException("the user's own");
        try {
            Tracing.run("Call", s -> {
                throw thrown;
            });
        } catch (IllegalStateException caught) {
            assertThat(caught).isSameAs(thrown);
        }
        assertThat(tracing.emitter().documents()).isEmpty();
    }

    @Test
    void theLambdaTraceHeaderIsNotReadAndTheSdkInterceptorStandsAside() {
        assertThat(LambdaTraceHeader.current()).isNull();
        assertThat(InterceptorSwitch.enabled(OFF)).isFalse();
        assertThat(InterceptorSwitch.enabled(Configuration.of(Map.of(), Map.of()))).isTrue();
    }
}
