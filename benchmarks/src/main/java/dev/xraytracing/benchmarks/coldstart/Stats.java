package dev.xraytracing.benchmarks.coldstart;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** Median, minimum and maximum of one form's samples. */
record Stats(double median, double min, double max) {

    static Stats of(List<ColdStart.Sample> samples, String form, ToDoubleFunction<ColdStart.Sample> value) {
        double[] values = samples.stream().filter(s -> s.form().equals(form)).mapToDouble(value).sorted().toArray();
        if (values.length == 0) {
            return new Stats(Double.NaN, Double.NaN, Double.NaN);
        }
        int n = values.length;
        double median = n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
        return new Stats(median, values[0], values[n - 1]);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.0f (%.0f-%.0f)", median, min, max);
    }
}
