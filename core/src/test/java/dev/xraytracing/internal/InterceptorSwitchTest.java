package dev.xraytracing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The interceptor can be switched off for a whole JVM (benchmarks compare against no tracing and against X-Ray's
 * interceptor alone). The rule is checked on given values, so no test changes this JVM's properties.
 */
class InterceptorSwitchTest {

    @Test
    void isOnUnlessSwitchedOff() {
        assertThat(InterceptorSwitch.enabled(null, null)).isTrue();
    }

    @Test
    void theSystemPropertyOffSwitchesItOff() {
        assertThat(InterceptorSwitch.enabled(" OFF ", null)).isFalse();
    }

    @Test
    void theVariableOffSwitchesItOffUnlessThePropertySaysOtherwise() {
        assertThat(InterceptorSwitch.enabled(null, "off")).isFalse();
        assertThat(InterceptorSwitch.enabled("on", "off")).isTrue();
    }

    @Test
    void anyOtherValueLeavesItOn() {
        assertThat(InterceptorSwitch.enabled("on", null)).isTrue();
    }
}
