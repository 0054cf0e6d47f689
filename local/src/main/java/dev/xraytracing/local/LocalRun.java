package dev.xraytracing.local;

import dev.xraytracing.local.internal.FaultsModule;
import dev.xraytracing.local.internal.TraceHeader;
import dev.xraytracing.local.internal.experiment.ExperimentPlan;
import dev.xraytracing.local.internal.experiment.ExperimentReport;
import dev.xraytracing.local.internal.experiment.ExperimentRunner;
import dev.xraytracing.local.internal.experiment.RequestOutcome;
import dev.xraytracing.local.report.TraceReport;
import dev.xraytracing.local.template.SamTemplate;
import dev.xraytracing.local.template.TemplateSetup;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The command line: runs a SAM template's functions (by default {@code template.yaml}, else
 * {@code examples/template.yaml}) end to end behind its local API, or, without a template, any two handlers, then
 * prints the waterfall of every trace and the service map, and writes the HTML report. Exits 1 when a request answered
 * 5xx without a {@code --fault} or {@code --faults} asking for it or a function failed during init, 2 on a bad command
 * line.
 *
 * <pre>
 * java -cp ... dev.xraytracing.local.LocalRun [--template template.yaml] [--requests 3] [--method GET] [--path /hello]
 *     [--fault function-error|throttle|5xx|latency] [--fault-on Name] [--cold] [--runtime auto|ric|java]
 *     [--html report.html] [--env Name:KEY=VALUE]... [--quiet] [--first Name=handler --second Name=handler]
 *     [--faults rules.json | --experiment experiment.json]
 * </pre>
 *
 * <p>{@code --faults} hands the faults module's rules to every function; {@code --experiment} runs a baseline and a
 * faulted phase of the same requests and prints what changed (docs/fault-injection.md).
 */
public final class LocalRun {
    static final String USAGE = "usage: LocalRun [--template FILE] [--requests N] [--method GET] [--path /PATH]"
            + " [--fault none|function-error|throttle|5xx|latency] [--fault-on FUNCTION] [--cold]"
            + " [--runtime auto|ric|java] [--html FILE] [--first NAME=HANDLER] [--second NAME=HANDLER]"
            + " [--env NAME:KEY=VALUE]... [--quiet] [--faults FILE | --experiment FILE]";
    /** The command that builds the examples' deployment package. */
    static final String EXAMPLES_BUILD = "mvn -B -q -pl examples -am package -DskipTests";

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
            return 0;
        }
        try {
            return runWith(options, out, experiments);
        } catch (LocalRunException e) {
            out.println("xray-tracing-local: " + e.getMessage());
            return 1;
        }
    }

    private static int runWith(LocalRunOptions options, PrintStream out,
                               Consumer<ExperimentRunner.Result> experiments) {
        Path template = options.template != null ? options.template : options.handlersGiven ? null
                : defaultTemplate();
        if (template != null) {
            return runTemplate(options, template, out, experiments);
        }
        LocalFunction first = LocalFunction.of(options.firstName, options.firstHandler)
                .env("SECOND_FUNCTION_NAME", options.secondName);
        LocalFunction second = LocalFunction.of(options.secondName, options.secondHandler);
        options.env.forEach((key, value) -> {
            String function = key.substring(0, key.indexOf(':'));
            String variable = key.substring(key.indexOf(':') + 1);
            if (function.equals(options.firstName)) {
                first.env(variable, value);
            } else if (function.equals(options.secondName)) {
                second.env(variable, value);
            } else {
                throw new LocalRunException("--env names unknown function " + function);
            }
        });
        if (options.faults != null) {
            applyFaults(options, List.of(first, second), out);
        }
        if (options.experiment != null) {
            return runExperiment(options, List.of(first, second), () -> platformOf(options, first, second, out),
                    (platform, method, path) -> platform.request(method, path, null), "GET", options.path,
                    "xray-tracing local experiment: " + options.firstName + " → " + options.secondName, out,
                    experiments);
        }
        long started = System.nanoTime();
        List<String> documents;
        List<String> problems;
        Map<String, String> runtimes;
        List<String> functionErrors;
        List<Integer> statuses = new java.util.ArrayList<>();
        try (LocalPlatform platform = platformOf(options, first, second, out).start()) {
            out.println("xray-tracing-local: API stage at " + platform.apiUrl() + ", Invoke API at "
                    + platform.lambdaEndpoint() + ", X-Ray daemon at udp://" + platform.daemon().daemonAddress());
            for (int i = 1; i <= options.requests; i++) {
                long t0 = System.nanoTime();
                LocalPlatform.ApiResponse response = platform.request("GET", options.path, null);
                statuses.add(response.status());
                out.printf(Locale.ROOT, "request %d: GET %s -> %d %s (%.0f ms)%n", i, options.path, response.status(),
                        response.body(), (System.nanoTime() - t0) / 1e6);
            }
            documents = platform.awaitDocuments();
            problems = platform.problems();
            functionErrors = platform.functionErrors();
            runtimes = platform.runtimes();
        }
        printReport(out, documents, problems, runtimes, options.html, "xray-tracing local run: " + options.firstName
                + " → " + options.secondName, started);
        return RunVerdict.of(statuses, problems, functionErrors, options.fault, options.faults != null).report(out);
    }

    /** The examples' template when run from the repository or the examples folder, else none. */
    static Path defaultTemplate() {
        for (Path candidate : List.of(Path.of("template.yaml"), Path.of("examples", "template.yaml"))) {
            if (java.nio.file.Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** The platform of a run of the two functions by class, as the options say; not started. */
    private static LocalPlatform.Builder platformOf(LocalRunOptions options, LocalFunction first,
            LocalFunction second, PrintStream out) {
        return LocalPlatform.builder()
                .function(first)
                .function(second)
                .restApi("api", "prod", options.firstName)
                .classpath(options.classpath)
                .fault(options.secondName, options.fault)
                .keepWarm(!options.cold)
                .runtimeLoop(options.runtime)
                .output(options.quiet ? line -> { } : out::println);
    }

    private static int runTemplate(LocalRunOptions options, Path file, PrintStream out,
                                   Consumer<ExperimentRunner.Result> experiments) {
        String buildCommand = file.toAbsolutePath().normalize().endsWith(Path.of("examples", "template.yaml"))
                ? EXAMPLES_BUILD : "your package step, e.g. mvn package";
        out.println("xray-tracing-local: running " + file);
        SamTemplate template = SamTemplate.read(file, "us-east-1");
        TemplateSetup setup = TemplateSetup.of(template, buildCommand, line -> out.println("xray-tracing-local: "
                + line));
        if (setup.functions().isEmpty()) {
            throw new LocalRunException("template " + file + " declares no AWS::Serverless::Function");
        }
        options.env.forEach((key, value) -> setup.functions().stream()
                .filter(f -> f.name().equals(key.substring(0, key.indexOf(':')))).findFirst()
                .orElseThrow(() -> new LocalRunException("--env names unknown function " + key.substring(0,
                        key.indexOf(':'))))
                .env(key.substring(key.indexOf(':') + 1), value));
        String faultOn = options.faultOn != null ? options.faultOn
                : setup.functions().get(setup.functions().size() - 1).name();
        String[] request = setup.defaultRequest();
        String method = options.method != null ? options.method : request[0];
        String path = options.pathGiven ? options.path : request[1];
        if (options.faults != null) {
            applyFaults(options, setup.functions(), out);
        }
        if (options.experiment != null) {
            String firstFunction = setup.functions().get(0).name();
            return runExperiment(options, setup.functions(), () -> {
                LocalPlatform.Builder phase = setup.configure(LocalPlatform.builder())
                        .classpath(options.classpath)
                        .keepWarm(!options.cold)
                        .runtimeLoop(options.runtime)
                        .output(options.quiet ? line -> { } : out::println);
                return options.fault != Fault.NONE ? phase.fault(faultOn, options.fault) : phase;
            }, (platform, m, p) -> {
                if (setup.hasApi()) {
                    return platform.request(m, p, null);
                }
                if (setup.hasHttpApi()) {
                    return platform.requestHttpApi(m, p, null);
                }
                // Our own trace header names the invocation's trace.
                String header = TraceHeader.newTrace().toString();
                LocalPlatform.ApiResponse response = platform.invoke(firstFunction, "{}", header);
                return new LocalPlatform.ApiResponse(response.body().contains("\"errorType\"") ? 502 : 200,
                        response.body(), header);
            }, method, path, title("experiment", file), out, experiments);
        }
        long started = System.nanoTime();
        List<String> documents;
        List<String> problems;
        Map<String, String> runtimes;
        List<String> functionErrors;
        List<Integer> statuses = new java.util.ArrayList<>();
        LocalPlatform.Builder builder = setup.configure(LocalPlatform.builder())
                .classpath(options.classpath)
                .keepWarm(!options.cold)
                .runtimeLoop(options.runtime)
                .output(options.quiet ? line -> { } : out::println);
        if (options.fault != Fault.NONE) {
            builder.fault(faultOn, options.fault);
        }
        try (LocalPlatform platform = builder.start()) {
            out.println("xray-tracing-local: " + (setup.hasApi() ? "API stage at " + platform.apiUrl() + ", " : "")
                    + (setup.hasHttpApi() ? "HTTP API at " + platform.httpApiUrl() + ", " : "") + "Invoke API at "
                    + platform.lambdaEndpoint() + ", X-Ray daemon at udp://" + platform.daemon().daemonAddress());
            for (int i = 1; i <= options.requests; i++) {
                long t0 = System.nanoTime();
                if (setup.hasApi() || setup.hasHttpApi()) {
                    LocalPlatform.ApiResponse response = setup.hasApi() ? platform.request(method, path, null)
                            : platform.requestHttpApi(method, path, null);
                    statuses.add(response.status());
                    out.printf(Locale.ROOT, "request %d: %s %s -> %d %s (%.0f ms)%n", i, method, path,
                            response.status(), response.body(), (System.nanoTime() - t0) / 1e6);
                } else {
                    String function = setup.functions().get(0).name();
                    LocalPlatform.ApiResponse response = platform.invoke(function, "{}", null);
                    statuses.add(response.body().contains("\"errorType\"") ? 502 : 200);
                    out.printf(Locale.ROOT, "request %d: invoke %s -> %s (%.0f ms)%n", i, function, response.body(),
                            (System.nanoTime() - t0) / 1e6);
                }
            }
            documents = platform.awaitDocuments();
            problems = platform.problems();
            functionErrors = platform.functionErrors();
            runtimes = platform.runtimes();
        }
        printReport(out, documents, problems, runtimes, options.html, title("run", file),
                started);
        return RunVerdict.of(statuses, problems, functionErrors, options.fault, options.faults != null).report(out);
    }

    /** Hands {@code --faults}'s rules to every function that has (or can be given) the faults module. */
    private static void applyFaults(LocalRunOptions options, List<LocalFunction> functions, PrintStream out) {
        List<LocalFunction> ready = FaultsModule.prepare(functions, options.classpath,
                FaultsModule.onThisClasspath(options.classpath), line -> out.println("xray-tracing-local: " + line));
        ready.forEach(function -> FaultsModule.applyRules(function, options.faults, null));
        out.println("xray-tracing-local: fault rules from " + options.faults + " for "
                + (ready.isEmpty() ? "no function" : ready.stream().map(LocalFunction::name)
                .collect(java.util.stream.Collectors.joining(", "))));
    }

    /** Sends the experiment's request on a phase's platform. */
    private interface ExperimentRequest {
        LocalPlatform.ApiResponse send(LocalPlatform platform, String method, String path);
    }

    /**
     * {@code --experiment}: the baseline phase, the faulted phase, the comparison on stdout and in the HTML report.
     * Fails (exit 1) when a function failed during init, when the baseline answered 5xx without a {@code --fault}
     * asking for it, or when a failure of the faulted phase is not explained by an injected fault.
     */
    private static int runExperiment(LocalRunOptions options, List<LocalFunction> functions,
                                     Supplier<LocalPlatform.Builder> platforms, ExperimentRequest request,
                                     String defaultMethod, String defaultPath, String title, PrintStream out,
                                     Consumer<ExperimentRunner.Result> experiments) {
        ExperimentPlan plan = ExperimentPlan.read(options.experiment);
        String method = plan.method() != null ? plan.method() : defaultMethod;
        String path = plan.path() != null ? plan.path() : defaultPath;
        List<LocalFunction> ready = FaultsModule.prepare(functions, options.classpath,
                FaultsModule.onThisClasspath(options.classpath), line -> out.println("xray-tracing-local: " + line));
        if (ready.isEmpty()) {
            throw new LocalRunException("no function of this run has xray-tracing-faults, so the experiment's rules "
                    + "cannot apply");
        }
        Path rules = rulesFile(plan);
        out.println("xray-tracing-local: experiment " + options.experiment + ": " + method + " " + path + ", "
                + plan.requests() + " requests per phase after " + plan.warmup() + " warm-up; rules for "
                + ready.stream().map(LocalFunction::name).collect(java.util.stream.Collectors.joining(", ")));
        long started = System.nanoTime();
        ExperimentRunner.Result result = ExperimentRunner.run(plan, withRules -> {
            if (withRules) {
                ready.forEach(function -> FaultsModule.applyRules(function, rules, plan.seed()));
            }
            return platforms.get().start();
        }, platform -> request.send(platform, method, path), out::println);
        experiments.accept(result);
        ExperimentReport report = ExperimentReport.of(result);
        out.println();
        out.print(report.text());
        List<String> documents = new java.util.ArrayList<>(result.baseline().documents());
        documents.addAll(result.faulted().documents());
        TraceReport traces = TraceReport.of(documents);
        Path html = traces.writeHtml(options.html, title, report.htmlSection());
        List<String> problems = new java.util.ArrayList<>(result.baseline().problems());
        problems.addAll(result.faulted().problems());
        problems.forEach(problem -> out.println("problem: " + problem));
        out.println(tally(documents.size(), traces.traces().size(), (System.nanoTime() - started) / 1e9));
        out.println("HTML report: " + html);
        int verdict = RunVerdict.of(result.baseline().requests().stream().map(RequestOutcome::status).toList(),
                problems, List.of(), options.fault).report(out);
        if (verdict != 0) {
            return verdict;
        }
        if (!report.check().allExplained()) {
            out.println("xray-tracing-local: FAILED: " + report.verdict());
            return 1;
        }
        return 0;
    }

    private static Path rulesFile(ExperimentPlan plan) {
        try {
            Path file = java.nio.file.Files.createTempFile("xray-tracing-experiment-rules-", ".json");
            file.toFile().deleteOnExit();
            java.nio.file.Files.writeString(file, plan.rules());
            return file;
        } catch (java.io.IOException e) {
            throw new LocalRunException("cannot write the experiment's rules to a temporary file: " + e.getMessage());
        }
    }

    /** The views of the run: waterfalls, service map, runtimes, problems, the HTML report's path, a tally. */
    private static void printReport(PrintStream out, List<String> documents, List<String> problems,
                                    Map<String, String> runtimes, Path htmlFile, String title, long startedNanos) {
        TraceReport report = TraceReport.of(documents);
        out.println();
        out.print(report.waterfalls());
        out.print(report.serviceMap().render());
        runtimes.forEach((function, runtime) -> out.println("runtime: " + function + " ran under the " + runtime));
        problems.forEach(problem -> out.println("problem: " + problem));
        Path html = report.writeHtml(htmlFile, title);
        out.println(tally(documents.size(), report.traces().size(), (System.nanoTime() - startedNanos) / 1e9));
        out.println("HTML report: " + html);
    }

    /** The report's title names the template as the user gave it ({@code examples/template.yaml}), not its file name. */
    static String title(String what, Path template) {
        return "xray-tracing local " + what + ": " + template;
    }

    /** The run's closing tally, in words that count: "1 segment document, 1 trace, 0.4 s". */
    static String tally(int documents, int traces, double seconds) {
        return String.format(Locale.ROOT, "%d segment document%s, %d trace%s, %.1f s", documents,
                documents == 1 ? "" : "s", traces, traces == 1 ? "" : "s", seconds);
    }
}
