package dev.xraytracing.local.internal.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class PercentilesTest {
    @Test
    void nearest_rank_of_one_to_a_hundred_is_the_percent_itself() {
        List<Double> values = new ArrayList<>();
        for (int i = 100; i >= 1; i--) {
            values.add((double) i);
        }
        Collections.shuffle(values, new java.util.Random(7));
        Percentiles percentiles = Percentiles.of(values);
        assertThat(percentiles.at(50)).isEqualTo(50);
        assertThat(percentiles.at(95)).isEqualTo(95);
        assertThat(percentiles.at(99)).isEqualTo(99);
        assertThat(percentiles.at(100)).isEqualTo(100);
    }

    @Test
    void with_five_values_p95_and_p99_are_the_largest_and_p50_the_middle_one() {
        Percentiles percentiles = Percentiles.of(List.of(50.0, 10.0, 40.0, 20.0, 30.0));
        assertThat(percentiles.at(50)).isEqualTo(30);
        assertThat(percentiles.at(95)).isEqualTo(50);
        assertThat(percentiles.at(99)).isEqualTo(50);
        assertThat(percentiles.at(1)).isEqualTo(10);
    }

    @Test
    void no_values_have_no_percentile() {
        assertThat(Percentiles.of(List.of()).at(50)).isNaN();
    }
}
