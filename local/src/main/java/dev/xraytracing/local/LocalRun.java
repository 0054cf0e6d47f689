package dev.xraytracing.local;

import dev.xraytracing.local.app.LocalFunction;
import dev.xraytracing.local.app.LocalRunException;
import dev.xraytracing.local.internal.experiment.FaultRulesCheck;
import dev.xraytracing.local.internal.experiment.ExperimentRunner;
import dev.xraytracing.local.internal.lambda.FaultsModule;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The command line: runs a SAM template's functions ({@code template.yaml} in the current folder unless
 * {@code --template} names one) end to end behind its local API, or, without a template, any two handlers, then
 * prints the waterfall of every trace and the service map, and writes the HTML report. Exits 1 when a request answered
 * 5xx without a {@code --fault} or {@code --faults} asking for it or a function failed during init, 2 on a bad command
 * line.
 *
 * <pre>
 * java -cp ... dev.xraytracing.local.LocalRun [--template template.yaml] [--requests 3] [--method GET] [--path /hello]
 *     [--fault function-error|throttle|5xx|latency] [--fault-on Name] [--cold] [--runtime auto|ric|java]
 *     [--html report.html] [--env Name:KEY=VALUE]... [--quiet] [--first Name=handler --second Name=handler]
 *     [--build-command COMMAND] [--faults rules.json | --experiment experiment.json]
 * </pre>
 *
 * <p>Both modes are one {@link RunPlan}: the two handlers make a template of their own. {@code --faults} hands the
 * faults module's rules to every function; {@code --experiment} runs a baseline and a faulted phase of the same
 * requests and prints what changed (docs/fault-injection.md).
 */
public final class LocalRun {
    static final String USAGE = "usage: LocalRun [--template FILE] [--requests N] [--method GET] [--path /PATH]"
            + " [--fault none|function-error|throttle|5xx|latency] [--fault-on FUNCTION] [--cold]"
            + " [--runtime auto|ric|java] [--html FILE] [--first NAME=HANDLER --second NAME=HANDLER]"
            + " [--env NAME:KEY=VALUE]... [--quiet] [--build-command COMMAND] [--faults FILE | --experiment FILE"
            + " | --explore [FILE] [--budget N] [--report-json FILE]]";

    private LocalRun() {
    }

    public static void main(String[] args) {
        System.exit(run(System.out, args));
    }

    /** Runs as {@link #main} does, printing to {@code out}; returns the exit code instead of exiting. */
    public static int run(PrintStream out, String... args) {
        return run(out, result -> { }, args);
    }

    /** As {@link #run(PrintStream, String...)}, handing an experiment's phases to {@code experiments} as well. */
    static int run(PrintStream out, Consumer<ExperimentRunner.Result> experiments, String... args) {
        LocalRunOptions options;
        try {
            options = LocalRunOptions.parse(args);
        } catch (LocalRunException e) {
            out.println("xray-tracing-local: " + e.getMessage());
            out.println(USAGE);
            return 2;
        }
        if (options.help) {
            out.println(USAGE);
            out.println(LocalRunOptions.OPTIONS);
            return 0;
        }
        try {
            // Fault rules are checked before anything runs: a bad rule stops the run with one line.
            FaultRulesCheck.requireValid(options.faults, options.experiment, options.classpath,
                    line -> out.println("xray-tracing-local: " + line));
            RunPlan plan = RunPlan.of(options, out);
            if (options.faults != null) {
                applyFaults(options, plan.setup().functions(), out);
            }
            if (options.explore) {
                return ExploreRun.run(options, plan, out);
            }
            return options.experiment != null ? ExperimentRun.run(options, plan, out, experiments)
                    : runRequests(options, plan, out);
        } catch (LocalRunException e) {
            out.println("xray-tracing-local: " + e.getMessage());
            return 1;
        }
    }

    /** The plain run: the requests, one line each, then the report and the verdict. */
    private static int runRequests(LocalRunOptions options, RunPlan plan, PrintStream out) {
        long started = System.nanoTime();
        List<Integer> statuses = new ArrayList<>();
        RunReport report;
        Map<String, String> runtimes;
        List<String> functionErrors;
        try (LocalPlatform platform = plan.platform(options, out).start()) {
            out.println("xray-tracing-local: " + plan.endpoints(platform));
            for (int i = 1; i <= options.requests; i++) {
                long t0 = System.nanoTime();
                LocalPlatform.ApiResponse response = plan.send(platform, false);
                statuses.add(response.status());
                if (plan.takesHttpRequests()) {
                    out.printf(Locale.ROOT, "request %d: %s %s -> %d %s (%.0f ms)%n", i, plan.method(), plan.path(),
                            response.status(), response.body(), (System.nanoTime() - t0) / 1e6);
                } else {
                    out.printf(Locale.ROOT, "request %d: invoke %s -> %s (%.0f ms)%n", i, plan.firstFunction(),
                            response.body(), (System.nanoTime() - t0) / 1e6);
                }
            }
            report = new RunReport(platform.awaitDocuments(), platform.problems());
            functionErrors = platform.functionErrors();
            runtimes = platform.runtimes();
        }
        out.println();
        report.printViews(out, runtimes);
        report.printProblemsAndWriteHtml(out, options.html, "xray-tracing local run: " + plan.name(), "", started);
        return RunVerdict.of(statuses, report.problems(), functionErrors, options.fault, options.faults != null)
                .report(out);
    }

    /** Hands {@code --faults}'s rules to every function that has (or can be given) the faults module. */
    private static void applyFaults(LocalRunOptions options, List<LocalFunction> functions, PrintStream out) {
        List<LocalFunction> ready = FaultsModule.prepare(functions, options.classpath,
                FaultsModule.onThisClasspath(options.classpath), line -> out.println("xray-tracing-local: " + line));
        ready.forEach(function -> FaultsModule.applyRules(function, options.faults, null));
        out.println("xray-tracing-local: fault rules from " + options.faults + " for "
                + (ready.isEmpty() ? "no function" : ready.stream().map(LocalFunction::name)
                .collect(Collectors.joining(", "))));
    }
}
