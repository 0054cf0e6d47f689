package dev.xraytracing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xraytracing.internal.config.Configuration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The interceptor can be switched off for a whole JVM (benchmarks compare against no tracing and against X-Ray's
 * interceptor alone). The rule is checked on given settings, so no test changes this JVM's properties.
 */
class InterceptorSwitchTest {

    private static boolean enabled(Map<String, String> environment, Map<String, String> properties) {
        return InterceptorSwitch.enabled(Configuration.of(environment, properties));
    }

    @Test
    void isOnUnlessSwitchedOff() {
        assertThat(enabled(Map.of(), Map.of())).isTrue();
    }

    @Test
    void theSystemPropertyOffSwitchesItOff() {
        assertThat(enabled(Map.of(), Map.of("xraytracing.sdk.interceptor", " OFF "))).isFalse();
    }

    @Test
    void theVariableOffSwitchesItOffUnlessThePropertySaysOtherwise() {
        assertThat(enabled(Map.of("XRAY_TRACING_SDK_INTERCEPTOR", "off"), Map.of())).isFalse();
        assertThat(enabled(Map.of("XRAY_TRACING_SDK_INTERCEPTOR", "off"), Map.of("xraytracing.sdk.interceptor", "on")))
                .isTrue();
    }

    @Test
    void anyOtherValueLeavesItOn() {
        assertThat(enabled(Map.of(), Map.of("xraytracing.sdk.interceptor", "on"))).isTrue();
    }
}
