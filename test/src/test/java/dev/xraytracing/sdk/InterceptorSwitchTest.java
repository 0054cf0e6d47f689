package dev.xraytracing.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xraytracing.sdk.internal.InterceptorSwitch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The interceptor can be switched off for a whole JVM (benchmarks compare against no tracing and against X-Ray's
 * interceptor alone). The switch is read once, when the interceptor class loads, so here it is read directly.
 */
class InterceptorSwitchTest {

    @AfterEach
    void restore() {
        System.clearProperty(InterceptorSwitch.SYSTEM_PROPERTY);
    }

    @Test
    void isOnUnlessSwitchedOff() {
        assertThat(InterceptorSwitch.enabled()).isEqualTo(!"off".equalsIgnoreCase(
                String.valueOf(System.getenv(InterceptorSwitch.ENVIRONMENT_VARIABLE)).trim()));
    }

    @Test
    void theSystemPropertyOffSwitchesItOff() {
        System.setProperty(InterceptorSwitch.SYSTEM_PROPERTY, " OFF ");

        assertThat(InterceptorSwitch.enabled()).isFalse();
    }

    @Test
    void anyOtherValueLeavesItOn() {
        System.setProperty(InterceptorSwitch.SYSTEM_PROPERTY, "on");

        assertThat(InterceptorSwitch.enabled()).isTrue();
    }
}
