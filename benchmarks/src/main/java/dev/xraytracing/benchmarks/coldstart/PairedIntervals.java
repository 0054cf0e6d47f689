package dev.xraytracing.benchmarks.coldstart;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * The paired median over the untraced form with its 95% bootstrap confidence interval, for the whole cold start, the
 * init phase and the first invocation of each form: the figures docs/benchmarks.md gives. {@link ColdStart} prints
 * them after each run; given the {@code results-zip.csv} of several runs, this pools them (a form is only ever paired
 * with the untraced form of its own round of its own run):
 *
 * <pre>
 * java -cp benchmarks/target/classes dev.xraytracing.benchmarks.coldstart.PairedIntervals run1.csv run2.csv ...
 * </pre>
 *
 * <p>The interval is a percentile bootstrap: {@value #RESAMPLES} resamples of the per-round differences, drawn with
 * a fixed seed, so the same files always give the same figures.
 */
public final class PairedIntervals {
    static final int RESAMPLES = 4_000;
    private static final long SEED = 1;

    /** A paired median and its interval, over {@code pairs} rounds. */
    record Interval(int pairs, double median, double low, double high) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%+.0f (%+.0f to %+.0f)", median, low, high);
        }
    }

    private PairedIntervals() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: PairedIntervals RESULTS.csv [MORE.csv ...] "
                    + "(target/coldstart/results-zip.csv, copied aside after each run)");
        }
        List<List<ColdStart.Sample>> runs = new ArrayList<>();
        for (String file : args) {
            runs.add(read(Path.of(file)));
        }
        System.out.println(table(runs));
    }

    /** One line per form but the untraced one: total, init and first invocation, each paired over untraced. */
    static String table(List<List<ColdStart.Sample>> runs) {
        Set<String> forms = new LinkedHashSet<>();
        runs.forEach(run -> run.forEach(sample -> forms.add(sample.form())));
        forms.remove("untraced");
        StringBuilder out = new StringBuilder("| form | rounds | paired over untraced (95% CI) | init phase, paired "
                + "| first invocation, paired |\n|---|---:|---:|---:|---:|\n");
        for (String form : forms) {
            Interval total = interval(runs, form, ColdStart.Sample::total);
            out.append(String.format(Locale.ROOT, "| %s | %d | **%s** | %s | %s |%n", form, total.pairs(), total,
                    interval(runs, form, ColdStart.Sample::init),
                    interval(runs, form, ColdStart.Sample::invocation)));
        }
        return out.toString();
    }

    static Interval interval(List<List<ColdStart.Sample>> runs, String form,
                             ToDoubleFunction<ColdStart.Sample> value) {
        // rounds are numbered per run: each run is paired on its own, then the differences are pooled
        return bootstrap(runs.stream().flatMapToDouble(run -> Arrays.stream(
                Stats.differencesOverUntraced(run, form, value))).toArray(), new Random(SEED));
    }

    /** The median of {@code differences} and the 2.5th and 97.5th percentiles of the resamples' medians. */
    static Interval bootstrap(double[] differences, Random random) {
        int n = differences.length;
        if (n == 0) {
            return new Interval(0, Double.NaN, Double.NaN, Double.NaN);
        }
        double[] medians = new double[RESAMPLES];
        double[] resample = new double[n];
        for (int i = 0; i < RESAMPLES; i++) {
            for (int j = 0; j < n; j++) {
                resample[j] = differences[random.nextInt(n)];
            }
            medians[i] = Stats.median(resample);
        }
        Arrays.sort(medians);
        return new Interval(n, Stats.median(differences), medians[(int) (RESAMPLES * 0.025)],
                medians[(int) (RESAMPLES * 0.975) - 1]);
    }

    /** A {@code results-zip.csv} as {@link ColdStart} writes it (the form's label in quotes). */
    static List<ColdStart.Sample> read(Path file) throws IOException {
        List<ColdStart.Sample> samples = new ArrayList<>();
        List<String> lines = Files.readAllLines(file);
        for (String line : lines.subList(1, lines.size())) {
            int close = line.indexOf('"', 1);
            if (!line.startsWith("\"") || close < 0) {
                throw new IllegalArgumentException(file + ": not a line ColdStart writes: " + line);
            }
            String form = line.substring(1, close);
            String[] values = line.substring(close + 2).split(",");
            samples.add(new ColdStart.Sample(form, Integer.parseInt(values[0]), Double.parseDouble(values[1]),
                    Double.parseDouble(values[2]), Double.parseDouble(values[3]), Double.parseDouble(values[4]),
                    Integer.parseInt(values[5]), Integer.parseInt(values[6])));
        }
        return samples;
    }
}
