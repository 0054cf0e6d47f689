package dev.xraytracing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Pins the one status-to-flags table that the tracer and the local platform both use. */
class StatusFlagsTest {

    @Test
    void theTable() {
        Map<Integer, String> expected = new LinkedHashMap<>();
        expected.put(100, "");
        expected.put(200, "");
        expected.put(204, "");
        expected.put(299, "");
        expected.put(300, "error");
        expected.put(304, "error");
        expected.put(399, "error");
        expected.put(400, "error");
        expected.put(404, "error");
        expected.put(428, "error");
        expected.put(429, "error throttle");
        expected.put(430, "error");
        expected.put(499, "error");
        expected.put(500, "fault");
        expected.put(503, "fault");
        expected.put(599, "fault");
        expected.put(600, "fault");

        Map<Integer, String> actual = new LinkedHashMap<>();
        expected.keySet().forEach(status -> actual.put(status, describe(StatusFlags.of(status))));

        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void aStatusCountsAsFailedExactlyWhenItSetsAFlag() {
        for (int status = 0; status < 700; status++) {
            assertThat(StatusFlags.isFailure(status)).isEqualTo(status >= 300);
        }
    }

    private static String describe(int flags) {
        return ((StatusFlags.error(flags) ? "error " : "") + (StatusFlags.throttle(flags) ? "throttle " : "")
                + (StatusFlags.fault(flags) ? "fault" : "")).trim();
    }
}
