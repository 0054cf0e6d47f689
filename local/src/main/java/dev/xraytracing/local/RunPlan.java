package dev.xraytracing.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.xraytracing.local.app.Fault;
import dev.xraytracing.local.app.LocalFunction;
import dev.xraytracing.local.app.LocalRunException;
import dev.xraytracing.local.internal.TraceIds;
import dev.xraytracing.local.internal.otlp.OtlpForwarding;
import dev.xraytracing.local.template.SamTemplate;
import dev.xraytracing.local.template.TemplateResource;
import dev.xraytracing.local.template.TemplateSetup;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * What a run of {@link LocalRun} runs, whatever the command line named: a SAM template, read from a file or, for
 * {@code --first}/{@code --second}, built in memory; the request it sends and where; the function a {@code --fault}
 * hits. Every mode goes from here through the same code to the report.
 *
 * @param name   what the report's title names: the template's file name, or the two functions
 * @param method the request's method; {@code path} its path (both unused when the app takes no HTTP request)
 */
record RunPlan(TemplateSetup setup, String name, String method, String path, String faultOn) {
    private static final String REGION = "us-east-1";
    static final String DEFAULT_TEMPLATE = "template.yaml";

    /** The plan the options ask for; a template that is missing or declares no function is a one-line error. */
    static RunPlan of(LocalRunOptions options, PrintStream out) {
        Consumer<String> say = line -> out.println("xray-tracing-local: " + line);
        TemplateSetup setup;
        String name;
        String[] request;
        if (options.first != null) {
            setup = TemplateSetup.of(twoHandlers(options), options.buildCommand, say);
            name = options.first[0] + " → " + options.second[0];
            request = new String[] {"GET", "/hello"};
        } else {
            Path file = options.template != null ? options.template : Path.of(DEFAULT_TEMPLATE);
            if (options.template == null && !Files.isRegularFile(file)) {
                throw new LocalRunException("no " + DEFAULT_TEMPLATE + " in " + Path.of("").toAbsolutePath()
                        + ": name a SAM template with --template FILE, or two handlers with --first NAME=HANDLER"
                        + " --second NAME=HANDLER");
            }
            out.println("xray-tracing-local: running " + file);
            setup = TemplateSetup.of(SamTemplate.read(file, REGION, options.parameters), options.buildCommand, say);
            if (setup.functions().isEmpty()) {
                throw new LocalRunException("template " + file + " declares no AWS::Serverless::Function");
            }
            name = nameOf(file);
            request = setup.defaultRequest();
        }
        options.env.forEach((key, value) -> setup.functions().stream()
                .filter(f -> f.name().equals(key.substring(0, key.indexOf(':')))).findFirst()
                .orElseThrow(() -> new LocalRunException("--env names unknown function " + key.substring(0,
                        key.indexOf(':'))))
                .env(key.substring(key.indexOf(':') + 1), value));
        List<LocalFunction> functions = setup.functions();
        String faultOn = options.faultOn != null ? options.faultOn : functions.get(functions.size() - 1).name();
        return new RunPlan(setup, name, options.method != null ? options.method : request[0],
                options.path != null ? options.path : request[1], faultOn);
    }

    /**
     * {@code --first A=handler --second B=handler} as a template: A behind a traced REST API stage {@code api/prod}
     * ({@code /} and {@code /{proxy+}}, any method), told B's name in {@code SECOND_FUNCTION_NAME}; both with active
     * tracing, 512 MB and 30 s, run from the classpath.
     */
    static SamTemplate twoHandlers(LocalRunOptions options) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode resources = json.createObjectNode();
        resources.putObject("api").put("Type", "AWS::Serverless::Api").putObject("Properties")
                .put("StageName", "prod").put("TracingEnabled", true);
        ObjectNode first = function(resources.putObject("First"), options.first);
        first.putObject("Environment").putObject("Variables").put("SECOND_FUNCTION_NAME", options.second[0]);
        ObjectNode events = first.putObject("Events");
        for (String[] event : new String[][] {{"Root", "/"}, {"Proxy", "/{proxy+}"}}) {
            ObjectNode properties = events.putObject(event[0]).put("Type", "Api").putObject("Properties");
            properties.put("Path", event[1]).put("Method", "ANY").putObject("RestApiId").put("Ref", "api");
        }
        function(resources.putObject("Second"), options.second);
        ObjectNode template = json.createObjectNode();
        template.set("Resources", resources);
        return SamTemplate.parse(template.toString(), Path.of("first-and-second.yaml"), REGION);
    }

    private static ObjectNode function(ObjectNode resource, String[] nameAndHandler) {
        return resource.put("Type", "AWS::Serverless::Function").putObject("Properties")
                .put("FunctionName", nameAndHandler[0]).put("Handler", nameAndHandler[1]).put("Runtime", "java17")
                .put("MemorySize", 512).put("Timeout", 30).put("Tracing", "Active");
    }

    /** What {@code --quiet} keeps of the platform's output: the lines that say something was lost. */
    private static Consumer<String> warningsOnly(PrintStream out) {
        return line -> {
            if (line.startsWith(OtlpForwarding.WARNING)) {
                out.println(line);
            }
        };
    }

    /** The platform of this plan, set up as the options say; not started. */
    LocalPlatform.Builder platform(LocalRunOptions options, PrintStream out) {
        LocalPlatform.Builder builder = LocalPlatform.builder().template(setup)
                .classpath(options.classpath)
                .keepWarm(!options.cold)
                .runtimeLoop(options.runtime)
                .output(options.quiet ? warningsOnly(out) : out::println)
                .otlpEndpoint(options.otlp);
        if (options.maxEnvironments != null) {
            builder.maxEnvironmentsPerFunction(options.maxEnvironments);
        }
        return options.fault != Fault.NONE ? builder.fault(faultOn, options.fault) : builder;
    }

    /** Whether requests go over HTTP (to the REST API, else the HTTP API) rather than straight to a function. */
    boolean takesHttpRequests() {
        return setup.hasApi() || setup.hasHttpApi();
    }

    /** The function invoked directly when the app takes no HTTP request: the template's first. */
    String firstFunction() {
        return setup.functions().get(0).name();
    }

    /**
     * Sends the run's request where the app takes it first. A direct invocation answers 502 for a function error, and
     * with {@code namedTrace} carries a new trace header of ours, returned as the answer's, to name its trace.
     */
    LocalPlatform.ApiResponse send(LocalPlatform platform, boolean namedTrace) {
        if (setup.hasApi()) {
            return platform.request(method, path, null);
        }
        if (setup.hasHttpApi()) {
            return platform.requestHttpApi(method, path, null);
        }
        return platform.invokeCounted(firstFunction(), "{}", namedTrace ? TraceIds.newTrace().toString() : null);
    }

    /**
     * How long the run waits for the app to be quiet: {@code --quiet-timeout}, else 60 s, or longer where a queue
     * with a redrive policy needs it to hand a poison message to its dead-letter queue (each receive waits out the
     * visibility timeout: {@code VisibilityTimeout x maxReceiveCount}, plus 30 s for the last invocation).
     */
    Duration quietTimeout(LocalRunOptions options) {
        if (options.quietTimeout != null) {
            return options.quietTimeout;
        }
        long redrive = setup.template().resources(TemplateResource.Queue.class).stream()
                .filter(q -> q.redrivePolicy().isPresent())
                .mapToLong(q -> (long) q.visibilityTimeoutSeconds() * q.redrivePolicy().get().maxReceiveCount() + 30)
                .max().orElse(0);
        return Duration.ofSeconds(Math.max(LocalRunOptions.DEFAULT_QUIET_SECONDS, redrive));
    }

    /** Where the started platform listens, in one line. */
    String endpoints(LocalPlatform platform) {
        return (setup.hasApi() ? "API stage at " + platform.apiUrl() + ", " : "")
                + (setup.hasHttpApi() ? "HTTP API at " + platform.httpApiUrl() + ", " : "") + "Invoke API at "
                + platform.lambdaEndpoint() + ", X-Ray daemon at udp://" + platform.daemon().daemonAddress();
    }

    /** A run is named after its template as the user gave it ({@code examples/template.yaml}), not its file name. */
    static String nameOf(Path template) {
        return template.toString();
    }
}
