package dev.xraytracing.benchmarks.coldstart;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** Median, minimum and maximum of one form's samples. */
record Stats(double median, double min, double max) {

    static Stats of(List<ColdStart.Sample> samples, String form, ToDoubleFunction<ColdStart.Sample> value) {
        return of(samples.stream().filter(s -> s.form().equals(form)).mapToDouble(value).toArray());
    }

    static Stats of(double[] unsorted) {
        double[] values = unsorted.clone();
        Arrays.sort(values);
        if (values.length == 0) {
            return new Stats(Double.NaN, Double.NaN, Double.NaN);
        }
        int n = values.length;
        double median = n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
        return new Stats(median, values[0], values[n - 1]);
    }

    /** The median of {@code values} (NaN for none). */
    static double median(double[] values) {
        return of(values).median();
    }

    /**
     * The form's total minus the untraced form's total of the same round, per round: each round's forms ran within
     * seconds of each other, so this cancels the drift of the machine between rounds.
     */
    static Stats pairedOverUntraced(List<ColdStart.Sample> samples, String form) {
        return pairedOverUntraced(samples, form, ColdStart.Sample::total);
    }

    /** As {@link #pairedOverUntraced(List, String)} for any value of a sample. */
    static Stats pairedOverUntraced(List<ColdStart.Sample> samples, String form,
                                    ToDoubleFunction<ColdStart.Sample> value) {
        return of(differencesOverUntraced(samples, form, value));
    }

    /** The form's value minus the untraced form's of the same round, one per round that has both. */
    static double[] differencesOverUntraced(List<ColdStart.Sample> samples, String form,
                                            ToDoubleFunction<ColdStart.Sample> value) {
        Map<Integer, Double> untraced = new HashMap<>();
        samples.stream().filter(s -> s.form().equals("untraced"))
                .forEach(s -> untraced.put(s.run(), value.applyAsDouble(s)));
        return samples.stream().filter(s -> s.form().equals(form) && untraced.containsKey(s.run()))
                .mapToDouble(s -> value.applyAsDouble(s) - untraced.get(s.run())).toArray();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.0f (%.0f-%.0f)", median, min, max);
    }
}
