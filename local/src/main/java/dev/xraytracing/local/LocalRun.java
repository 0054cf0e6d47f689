package dev.xraytracing.local;

import dev.xraytracing.local.report.TraceReport;
import dev.xraytracing.local.template.SamTemplate;
import dev.xraytracing.local.template.TemplateSetup;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The command line: runs a SAM template's functions (by default {@code template.yaml}, else
 * {@code examples/template.yaml}) end to end behind its local API, or, without a template, any two handlers, then
 * prints the waterfall of every trace and the service map, and writes the HTML report. Exits 1 when a request answered
 * 5xx without a {@code --fault} asking for it or a function failed during init, 2 on a bad command line.
 *
 * <pre>
 * java -cp ... dev.xraytracing.local.LocalRun [--template template.yaml] [--requests 3] [--method GET] [--path /hello]
 *     [--fault function-error|throttle|5xx|latency] [--fault-on Name] [--cold] [--runtime auto|ric|java]
 *     [--html report.html] [--env Name:KEY=VALUE]... [--quiet] [--first Name=handler --second Name=handler]
 * </pre>
 */
public final class LocalRun {
    static final String USAGE = "usage: LocalRun [--template FILE] [--requests N] [--method GET] [--path /PATH]"
            + " [--fault none|function-error|throttle|5xx|latency] [--fault-on FUNCTION] [--cold]"
            + " [--runtime auto|ric|java] [--html FILE] [--first NAME=HANDLER] [--second NAME=HANDLER]"
            + " [--env NAME:KEY=VALUE]... [--quiet]";
    /** The command that builds the examples' deployment package. */
    static final String EXAMPLES_BUILD = "mvn -B -q -pl examples -am package -DskipTests";

    private LocalRun() {
    }

    public static void main(String[] args) {
        System.exit(run(System.out, args));
    }

    /** Runs as {@link #main} does, printing to {@code out}; returns the exit code instead of exiting. */
    public static int run(PrintStream out, String... args) {
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
            return runWith(options, out);
        } catch (LocalRunException e) {
            out.println("xray-tracing-local: " + e.getMessage());
            return 1;
        }
    }

    private static int runWith(LocalRunOptions options, PrintStream out) {
        Path template = options.template != null ? options.template : options.handlersGiven ? null
                : defaultTemplate();
        if (template != null) {
            return runTemplate(options, template, out);
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
        long started = System.nanoTime();
        List<String> documents;
        List<String> problems;
        Map<String, String> runtimes;
        List<String> functionErrors;
        List<Integer> statuses = new java.util.ArrayList<>();
        try (LocalPlatform platform = LocalPlatform.builder()
                .function(first)
                .function(second)
                .restApi("api", "prod", options.firstName)
                .classpath(options.classpath)
                .fault(options.secondName, options.fault)
                .keepWarm(!options.cold)
                .runtimeLoop(options.runtime)
                .output(options.quiet ? line -> { } : out::println)
                .start()) {
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
        return RunVerdict.of(statuses, problems, functionErrors, options.fault).report(out);
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

    private static int runTemplate(LocalRunOptions options, Path file, PrintStream out) {
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
        printReport(out, documents, problems, runtimes, options.html, "xray-tracing local run: " + file.getFileName(),
                started);
        return RunVerdict.of(statuses, problems, functionErrors, options.fault).report(out);
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
        out.printf(Locale.ROOT, "%d segment documents, %d traces, %.1f s%n", documents.size(), report.traces().size(),
                (System.nanoTime() - startedNanos) / 1e9);
        out.println("HTML report: " + html);
    }
}
