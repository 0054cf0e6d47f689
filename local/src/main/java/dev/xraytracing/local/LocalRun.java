package dev.xraytracing.local;

import dev.xraytracing.internal.TraceHeader;
import dev.xraytracing.local.app.LocalFunction;
import dev.xraytracing.local.app.LocalRunException;
import dev.xraytracing.local.internal.experiment.FaultRulesCheck;
import dev.xraytracing.local.internal.experiment.ExperimentRunner;
import dev.xraytracing.local.internal.lambda.FaultsModule;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The command line: runs a SAM template's functions ({@code template.yaml} in the current folder unless
 * {@code --template} names one) end to end, or, without a template, any two handlers. It enters the app as
 * {@link RunEntries} says (API requests with headers and bodies; messages, publications and events through SDK
 * clients; fired schedules; direct invocations), waits until the app is quiet, prints the waterfall of every trace,
 * the service map and the summary (what the queues hold, the failed invocations), and writes the HTML report and, with
 * {@code --documents}, every segment document. {@link RunVerdict} says when it exits 1; 2 is a bad command line.
 *
 * <pre>
 * java -cp ... dev.xraytracing.local.LocalRun [--template template.yaml] [--requests 3] [--method GET] [--path /hello]
 *     [--header 'Name: value']... [--body TEXT | --body-file FILE...] [--send-message QUEUE BODY|@FILE]...
 *     [--publish TOPIC MESSAGE|@FILE]... [--put-event FILE]... [--fire-schedule FUNCTION.EVENT|RULE]...
 *     [--invoke FUNCTION FILE]... [--quiet-timeout SECONDS] [--documents FILE] [--expect-dead-letters N]
 *     [--fault function-error|throttle|5xx|latency] [--fault-on Name] [--cold] [--max-environments N]
 *     [--runtime auto|ric|java]
 *     [--html report.html] [--env Name:KEY=VALUE]... [--quiet] [--first Name=handler --second Name=handler]
 *     [--build-command COMMAND] [--faults rules.json | --experiment experiment.json] [--otlp http://127.0.0.1:4318]
 * </pre>
 *
 * <p>Both modes are one {@link RunPlan}: the two handlers make a template of their own. {@code --faults} hands the
 * faults module's rules to every function; {@code --experiment} runs a baseline and a faulted phase of the same
 * requests and prints what changed (docs/fault-injection.md).
 */
public final class LocalRun {
    static final String USAGE = "usage: LocalRun [--template FILE] [--requests N] [--method GET] [--path /PATH]"
            + " [--fault none|function-error|throttle|5xx|latency] [--fault-on FUNCTION] [--cold] [--max-environments N]"
            + " [--runtime auto|ric|java] [--html FILE] [--first NAME=HANDLER --second NAME=HANDLER]"
            + " [--env NAME:KEY=VALUE]... [--parameter-overrides 'KEY=VALUE ...']... [--quiet] [--build-command COMMAND] [--faults FILE | --experiment FILE]"
            + " [--header 'NAME: VALUE']... [--body TEXT | --body-file FILE...] [--send-message QUEUE BODY|@FILE]..."
            + " [--publish TOPIC MESSAGE|@FILE]... [--put-event FILE]... [--fire-schedule FUNCTION.EVENT|RULE]..."
            + " [--invoke FUNCTION FILE]... [--quiet-timeout SECONDS] [--documents FILE] [--expect-dead-letters N]"
            + " [--otlp ENDPOINT] [--explore [FILE] [--budget N] [--report-json FILE]]";

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

    /**
     * The plain run: the entries, one line each; the wait until the app is quiet; then the report, the summary (what
     * the services hold, the failed invocations) and the verdict.
     */
    private static int runRequests(LocalRunOptions options, RunPlan plan, PrintStream out) {
        long started = System.nanoTime();
        RunEntries entries = RunEntries.of(options, plan);
        Duration quietTimeout = plan.quietTimeout(options);
        List<Integer> statuses = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        RunReport report;
        Map<String, String> runtimes;
        RunVerdict.AppState app;
        try (LocalPlatform platform = plan.platform(options, out).start()) {
            out.println("xray-tracing-local: " + plan.endpoints(platform));
            for (int i = 1; i <= options.requests; i++) {
                RunEntries.Entry entry = entries.get(i - 1);
                long t0 = System.nanoTime();
                LocalPlatform.ApiResponse response = entry.send(platform);
                statuses.add(response.status());
                if (entry.refusedWhenNotOk() && response.status() >= 300) {
                    refused.add("request " + i + " (" + entry.describe() + ") was refused: " + response.status()
                            + " " + response.body());
                }
                out.printf(Locale.ROOT, "request %d: %s -> %d %s (%.0f ms%s)%n", i, entry.describe(),
                        response.status(), response.body(), (System.nanoTime() - t0) / 1e6, trace(response));
            }
            boolean quiet = awaitQuiet(platform, quietTimeout, out);
            report = new RunReport(platform.awaitDocuments(), platform.problems());
            runtimes = platform.runtimes();
            app = new RunVerdict.AppState(platform.functionErrors(), platform.eventSourceErrors(),
                    platform.summary(), platform.deadLetters(), quiet);
        }
        out.println();
        report.printViews(out, runtimes);
        report.printSummary(out, app.summary(), app.functionErrors());
        if (options.documents != null) {
            out.println("segment documents: " + report.writeDocuments(options.documents));
        }
        report.printProblemsAndWriteHtml(out, options.html, "xray-tracing local run: " + plan.name(), "", started);
        return RunVerdict.of(statuses, report.problems(), app.functionErrors(), options.fault,
                options.faults != null, refused, app, quietTimeout, options.expectedDeadLetters).report(out);
    }

    /** {@code ", trace 1-..."}: the trace the request started, where its answer names it; else empty. */
    private static String trace(LocalPlatform.ApiResponse response) {
        String root = response.traceHeader() == null ? null : TraceHeader.parse(response.traceHeader()).root();
        return root == null || root.isEmpty() ? "" : ", trace " + root;
    }

    /**
     * Waits until the app is quiet; when it is not at once (a queue still delivering, a retry waiting out a visibility
     * timeout), says so before and how long it took after, so a quiet terminal is not taken for a hang.
     */
    private static boolean awaitQuiet(LocalPlatform platform, Duration timeout, PrintStream out) {
        if (platform.quiet()) {
            return platform.awaitQuiet(timeout);
        }
        out.println("xray-tracing-local: waiting until the app is quiet (at most " + RunVerdict.seconds(timeout)
                + " s)");
        long started = System.nanoTime();
        boolean quiet = platform.awaitQuiet(timeout);
        out.printf(Locale.ROOT, "xray-tracing-local: the app %s after %.1f s%n", quiet ? "was quiet" : "was still busy",
                (System.nanoTime() - started) / 1e9);
        return quiet;
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
