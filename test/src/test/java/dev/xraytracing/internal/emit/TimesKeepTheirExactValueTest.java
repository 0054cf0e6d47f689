package dev.xraytracing.internal.emit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Start and end times are written without the general double formatter, and read back as the very same double. */
class TimesKeepTheirExactValueTest {

    private static String written(double seconds) {
        JsonOut json = new JsonOut(new StringBuilder(), new dev.xraytracing.internal.log.WarnOnce());
        json.beginObject();
        json.timeField("t", seconds);
        json.endObject();
        String text = json.out.toString();
        return text.substring("{\"t\":".length(), text.length() - 1);
    }

    @Test
    void aTimeMadeFromMillisecondsIsWrittenAsItsExactDecimal() {
        assertThat(written(1764199933123L / 1000d)).isEqualTo("1764199933.123");
        assertThat(written(1764199933120L / 1000d)).isEqualTo("1764199933.12");
        assertThat(written(1764199933100L / 1000d)).isEqualTo("1764199933.1");
        assertThat(written(1764199933003L / 1000d)).isEqualTo("1764199933.003");
        assertThat(written(1764199933000L / 1000d)).isEqualTo("1764199933");
    }

    @Test
    void everyTimeReadsBackAsTheSameDouble() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 200_000; i++) {
            long millis = random.nextLong(0, 4_102_444_800_000L); // up to the year 2100
            double fromMillis = millis / 1000d;
            assertThat(Double.parseDouble(written(fromMillis))).isEqualTo(fromMillis);
            double arbitrary = fromMillis + random.nextDouble() / 1000;
            assertThat(Double.parseDouble(written(arbitrary))).isEqualTo(arbitrary);
        }
    }

    @Test
    void unusualTimesFallBackToTheGeneralFormat() {
        assertThat(written(0)).isEqualTo("0");
        assertThat(Double.parseDouble(written(1.5e13))).isEqualTo(1.5e13);
        assertThat(Double.parseDouble(written(-2.25))).isEqualTo(-2.25);
        assertThat(written(Double.NaN)).isEqualTo("\"NaN\"");
    }
}
