package dev.xraytracing.benchmarks.coldstart;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * The form's total minus the untraced form's total of the same round, per round: each round's forms ran within
     * seconds of each other, so this cancels the drift of the machine between rounds.
     */
    static Stats pairedOverUntraced(List<ColdStart.Sample> samples, String form) {
        Map<Integer, Double> untraced = new HashMap<>();
        samples.stream().filter(s -> s.form().equals("untraced")).forEach(s -> untraced.put(s.run(), s.total()));
        List<ColdStart.Sample> differences = samples.stream()
                .filter(s -> s.form().equals(form) && untraced.containsKey(s.run()))
                .map(s -> new ColdStart.Sample(form, s.run(), 0, 0, s.total() - untraced.get(s.run()), 0))
                .toList();
        return of(differences, form, ColdStart.Sample::total);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.0f (%.0f-%.0f)", median, min, max);
    }
}
