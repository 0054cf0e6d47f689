package dev.xraytracing.lambda;

import static dev.xraytracing.testing.TracingAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xraytracing.Tracing;
import dev.xraytracing.lambda.testing.Faults;
import dev.xraytracing.lambda.testing.LambdaInvoker;
import dev.xraytracing.testing.TracingExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * This suite runs without xray-tracing-faults (the kit does not bring it): {@link Faults} says what is missing
 * instead of running the code without its faults. The faults module's own suite tests Faults with the module.
 */
class FaultsWithoutTheFaultsModuleTest {
    @RegisterExtension
    static final TracingExtension tracing = TracingExtension.inSegment();

    @Test
    void faultRulesNameTheMissingArtifact() {
        Faults rules = Faults.rule("block:Work=exception").seed(7);

        assertThatThrownBy(() -> rules.run(() -> "never")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("xray-tracing-faults");
        assertThatThrownBy(() -> LambdaInvoker.of((Object in, com.amazonaws.services.lambda.runtime.Context c) -> in)
                .withFaults(rules)).isInstanceOf(IllegalStateException.class).hasMessageContaining("xray-tracing-faults");
    }

    @Test
    void faultsAreAValue() {
        Faults one = Faults.rule("handler=http:503");
        Faults two = one.and("block:Work=latency:5ms").seed(3);

        org.assertj.core.api.Assertions.assertThat(one.rules()).containsExactly("handler=http:503");
        org.assertj.core.api.Assertions.assertThat(one.seed()).isZero();
        org.assertj.core.api.Assertions.assertThat(two.rules()).containsExactly("handler=http:503", "block:Work=latency:5ms");
        org.assertj.core.api.Assertions.assertThat(two.seed()).isEqualTo(3);
    }

    @Test
    void sdkAttemptsAreForSdkCallsOnly() {
        Tracing.run("Work", s -> { });

        assertThatThrownBy(() -> assertThat(tracing.trace()).subsegment("Work").hasSdkAttempts(1))
                .isInstanceOf(AssertionError.class).hasMessageContaining("aws.retries");
    }
}
