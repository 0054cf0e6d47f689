package dev.xraytracing.local;

import dev.xraytracing.local.app.Fault;
import dev.xraytracing.local.app.LocalRunException;
import dev.xraytracing.local.app.RuntimeLoop;
import dev.xraytracing.local.internal.lambda.DefaultClasspath;
import dev.xraytracing.local.internal.otlp.OtlpEndpoint;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The parsed command line: {@link #parse} is the one place that reads it (and checks what the options need of each
 * other). Nothing here names an example; without {@code --template} or {@code --first}/{@code --second} the run takes
 * {@code template.yaml} in the current folder.
 */
final class LocalRunOptions {
    int requests = 3;
    Fault fault = Fault.NONE;
    boolean cold;
    /** {@code --max-environments}: the most JVMs one function gets at once (null: the platform's default). */
    Integer maxEnvironments;
    boolean quiet;
    boolean help;
    RuntimeLoop runtime = RuntimeLoop.AUTO;
    Path html = Path.of("target", "xray-tracing-local", "report.html");
    String classpath = DefaultClasspath.detect();
    Path template;
    /** The request's method and path ({@code --method}, {@code --path}), or null for the plan's default. */
    String method;
    String path;
    String faultOn;
    /** {@code --first} and {@code --second}: name and handler each, or null. */
    String[] first;
    String[] second;
    /** The command that builds the template's packages, named where one is missing ({@code --build-command}). */
    String buildCommand = "your package step, e.g. mvn package";
    /** The faults module's rules for every function ({@code --faults}), or null. */
    Path faults;
    /** The experiment file ({@code --experiment}), or null. */
    Path experiment;
    final Map<String, String> env = new LinkedHashMap<>();
    /** The template's parameter values over their defaults ({@code --parameter-overrides}), by name. */
    final Map<String, String> parameters = new LinkedHashMap<>();
    /** The API request's headers ({@code --header}), name and value, in order; a name may repeat. */
    final List<String[]> headers = new ArrayList<>();
    /** The API request's body ({@code --body}), or null. */
    String body;
    /** {@code --body-file}s: the i-th request sends the i-th, the last one repeats. */
    final List<Path> bodyFiles = new ArrayList<>();
    /** The entries other than the API request, in command-line order. */
    final List<EntryOption> entries = new ArrayList<>();
    /**
     * How long the run waits for the app to be quiet after its entries ({@code --quiet-timeout}), or null for
     * {@link RunPlan#quietTimeout}'s default.
     */
    Duration quietTimeout;
    /** Where every segment document goes, one per line ({@code --documents}), or null. */
    Path documents;
    /** The OpenTelemetry Collector the run's spans are forwarded to ({@code --otlp}), or null. */
    String otlp;
    /** How many messages the dead-letter queues may hold at the end without failing the run. */
    int expectedDeadLetters;

    /**
     * One entry option: {@code kind} is the option without its dashes ({@code send-message}, {@code publish},
     * {@code put-event}, {@code fire-schedule}, {@code invoke}), {@code target} what it names (queue, topic, event
     * file, schedule, function), {@code payload} its body or file ({@code @FILE}), or null.
     */
    record EntryOption(String kind, String target, String payload) {
    }

    /** Header names Java's HTTP client does not let a caller set. */
    private static final Set<String> RESTRICTED_HEADERS = Set.of("connection", "content-length", "expect", "host",
            "upgrade");

    static final int DEFAULT_QUIET_SECONDS = 60;

    /** {@code --explore [FILE]}: whether to explore, its file (null: defaults), {@code --budget}, {@code --report-json}. */
    boolean explore;
    Path exploreFile;
    Integer budget;
    Path reportJson;

    /** What {@code --help} prints after the usage line: one line per option, with its default. Keep beside parse. */
    static final String OPTIONS = String.join(System.lineSeparator(),
            "  -t, --template FILE       the SAM template to run (default: template.yaml in the current folder)",
            "  -n, --requests N          how many requests to send (default: 3): the API request, or the entries"
                    + " below in the order given, the last one repeating",
            "  --method M                the request's method (default: the first Api event's method)",
            "  --path /PATH              the request's path (default: the first Api event's path, {param}s filled"
                    + " with their names)",
            "  --fault KIND              none, function-error, throttle, 5xx or latency: every call to one function"
                    + " fails or slows down (default: none)",
            "  --fault-on FUNCTION       the function --fault hits (default: the template's last function)",
            "  --cold, --keep-warm       a new JVM for every invocation, or each kept warm for the next"
                    + " (default: --keep-warm)",
            "  --max-environments N      the most JVMs one function gets at once, as Lambda scales it out for"
                    + " concurrent invocations; past it an invocation waits (default: 10)",
            "  --runtime auto|ric|java   AWS's runtime interface client or the pure-Java loop (default: auto, the"
                    + " client where its native library loads)",
            "  --html FILE               where the HTML report goes (default: target/xray-tracing-local/report.html)",
            "  --env NAME:KEY=VALUE      an environment variable for one function, over the template's; repeatable"
                    + " (default: none)",
            "  --parameter-overrides 'KEY=VALUE ...'  template parameters over their Default, as sam deploy takes"
                    + " them (KEY=VALUE or ParameterKey=KEY,ParameterValue=VALUE, space-separated); repeatable"
                    + " (default: none)",
            "  -q, --quiet               hide the functions' output and the platform's progress lines, never a WARNING (default: shown)",
            "  --first NAME=HANDLER      with --second: no template, two handlers from the classpath, the first"
                    + " behind a REST API (default: none, --template is used)",
            "  --second NAME=HANDLER     the function --first invokes (default: none)",
            "  -cp, --classpath PATH     what functions without a built CodeUri run from (default: this JVM's"
                    + " classpath)",
            "  --build-command COMMAND   the command named where a CodeUri is not built yet (default: \"your"
                    + " package step, e.g. mvn package\")",
            "  --faults FILE             fault rules for every function, as XRAY_TRACING_FAULTS_FILE (default: none)",
            "  --experiment FILE         a baseline and a faulted phase of the same requests, compared (default:"
                    + " none)",
            "  --header 'NAME: VALUE'    a header of every API request; repeatable (default: none)",
            "  --body TEXT               the API request's body (default: none)",
            "  --body-file FILE          the API request's body from a file; repeatable: the i-th request sends the"
                    + " i-th file, the last one repeats (default: none)",
            "  --send-message QUEUE BODY|@FILE  a message to a queue (logical id, name, ARN or URL) through an SDK"
                    + " SqsClient; @FILE sends a file's content; repeatable (default: none)",
            "  --publish TOPIC MESSAGE|@FILE  a message published to a topic (logical id, name or ARN) through an SDK"
                    + " SnsClient; repeatable (default: none)",
            "  --put-event FILE          an event (Source, DetailType, Detail, optional EventBusName) or an array of"
                    + " them, put on a bus through an SDK EventBridgeClient; repeatable (default: none)",
            "  --fire-schedule SCHEDULE  fire FUNCTION.EventName (a Schedule event), a scheduled rule's id or an"
                    + " AWS::Scheduler::Schedule's id or name now; repeatable (default: none)",
            "  --invoke FUNCTION FILE    invoke a function directly with the event in FILE; repeatable"
                    + " (default: none, or the first function with {} when the template has no API)",
            "  --quiet-timeout SECONDS   after the entries, how long to wait for no invocation in flight and every"
                    + " service quiet (default: " + DEFAULT_QUIET_SECONDS + ", or longer where a queue's"
                    + " VisibilityTimeout x maxReceiveCount + 30 needs it)",
            "  --documents FILE          write every segment document received, one JSON document per line"
                    + " (default: none)",
            "  --otlp ENDPOINT           also forward every segment document as OpenTelemetry spans to a Collector's"
                    + " OTLP/HTTP endpoint, e.g. http://127.0.0.1:4318 (/v1/traces is appended; gRPC is not"
                    + " supported) (default: none)",
            "  --expect-dead-letters N   how many messages the dead-letter queues may hold at the end; any other"
                    + " count fails the run (default: 0)",
            "  --explore [FILE]          explore the faults the baseline's traces can take, one by one, then"
                    + " combinations, from the run's first entry (the API request, or the first entry option);"
                    + " FILE holds the steady-state hypothesis (default: none, the baseline's status class within"
                    + " the entry's timeout)",
            "  --budget N                with --explore: at most N runs after the baseline (default: 100)",
            "  --report-json FILE        with --explore: the findings as JSON too (default: none)",
            "  -h, --help                print this help and exit",
            "",
            "exit status: 0 when the run went as asked; 1, after one 'FAILED:' line naming the first reason, when a"
                    + " function failed during init,",
            "  an entry was refused by its queue, topic or bus, a request answered 5xx (a direct invocation's"
                    + " function error counts as 502)",
            "  and no --fault or --faults asked for failures, an invocation by a queue, topic, bus, schedule or"
                    + " bucket ended in a function",
            "  error and no fault asked for it, the app was still busy at --quiet-timeout, or the dead-letter queues"
                    + " hold another number",
            "  of messages than --expect-dead-letters; 2 on a bad command line. A record reported in"
                    + " batchItemFailures fails a run only",
            "  by ending in a dead-letter queue nobody expected (docs/local-services.md).");

    /**
     * {@code --parameter-overrides}' value in the forms the SAM CLI takes: {@code KEY=VALUE} and
     * {@code ParameterKey=KEY,ParameterValue=VALUE}, separated by spaces.
     */
    static Map<String, String> parameters(String text) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : text.trim().split("\\s+")) {
            String key;
            String value;
            if (pair.startsWith("ParameterKey=") && pair.contains(",ParameterValue=")) {
                key = pair.substring("ParameterKey=".length(), pair.indexOf(",ParameterValue="));
                value = pair.substring(pair.indexOf(",ParameterValue=") + ",ParameterValue=".length());
            } else {
                int equals = pair.indexOf('=');
                if (equals <= 0) {
                    throw new LocalRunException("--parameter-overrides wants KEY=VALUE pairs, got " + text);
                }
                key = pair.substring(0, equals);
                value = pair.substring(equals + 1);
            }
            parameters.put(key, value);
        }
        return parameters;
    }

    static LocalRunOptions parse(String... args) {
        LocalRunOptions options = new LocalRunOptions();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--help", "-h" -> options.help = true;
                case "--cold" -> options.cold = true;
                case "--keep-warm" -> options.cold = false;
                case "--max-environments" -> options.maxEnvironments = positive(value(args, ++i, arg), arg);
                case "--quiet", "-q" -> options.quiet = true;
                case "--requests", "-n" -> options.requests = positive(value(args, ++i, arg), arg);
                case "--fault" -> options.fault = Fault.parse(value(args, ++i, arg));
                case "--runtime" -> options.runtime = RuntimeLoop.parse(value(args, ++i, arg));
                case "--html" -> options.html = Path.of(value(args, ++i, arg));
                case "--path" -> options.path = value(args, ++i, arg);
                case "--template", "-t" -> options.template = Path.of(value(args, ++i, arg));
                case "--method" -> options.method = value(args, ++i, arg).toUpperCase(Locale.ROOT);
                case "--fault-on" -> options.faultOn = value(args, ++i, arg);
                case "--faults" -> options.faults = readableFile(value(args, ++i, arg), arg);
                case "--experiment" -> options.experiment = readableFile(value(args, ++i, arg), arg);
                case "--classpath", "-cp" -> options.classpath = value(args, ++i, arg);
                case "--build-command" -> options.buildCommand = value(args, ++i, arg);
                case "--first" -> options.first = named(value(args, ++i, arg), arg);
                case "--second" -> options.second = named(value(args, ++i, arg), arg);
                case "--explore" -> {
                    options.explore = true;
                    if (i + 1 < args.length && !args[i + 1].startsWith("-")) {
                        options.exploreFile = readableFile(args[++i], arg);
                    }
                }
                case "--budget" -> options.budget = positive(value(args, ++i, arg), arg);
                case "--report-json" -> options.reportJson = Path.of(value(args, ++i, arg));
                case "--env" -> {
                    String setting = value(args, ++i, arg);
                    int colon = setting.indexOf(':');
                    int equals = setting.indexOf('=');
                    if (colon <= 0 || equals < colon + 2) {
                        throw new LocalRunException("--env wants FUNCTION:KEY=VALUE, got " + setting);
                    }
                    options.env.put(setting.substring(0, equals), setting.substring(equals + 1));
                }
                case "--parameter-overrides" -> options.parameters.putAll(parameters(value(args, ++i, arg)));
                case "--header" -> options.headers.add(header(value(args, ++i, arg)));
                case "--body" -> options.body = value(args, ++i, arg);
                case "--body-file" -> options.bodyFiles.add(readableFile(value(args, ++i, arg), arg));
                case "--send-message", "--publish" -> {
                    String target = value(args, ++i, arg);
                    options.entries.add(new EntryOption(arg.substring(2), target,
                            payload(value(args, ++i, arg + " " + target), arg)));
                }
                case "--put-event" -> options.entries.add(new EntryOption("put-event",
                        readableFile(value(args, ++i, arg), arg).toString(), null));
                case "--fire-schedule" -> options.entries.add(new EntryOption("fire-schedule", value(args, ++i, arg),
                        null));
                case "--invoke" -> {
                    String function = value(args, ++i, arg);
                    options.entries.add(new EntryOption("invoke", function,
                            readableFile(value(args, ++i, arg + " " + function), arg).toString()));
                }
                case "--quiet-timeout" -> options.quietTimeout = seconds(value(args, ++i, arg), arg);
                case "--documents" -> options.documents = Path.of(value(args, ++i, arg));
                case "--otlp" -> options.otlp = OtlpEndpoint.tracesUrl(value(args, ++i, arg)).toString();
                case "--expect-dead-letters" -> options.expectedDeadLetters = count(value(args, ++i, arg), arg);
                default -> throw new LocalRunException("unknown option " + arg);
            }
        }
        if (options.faults != null && options.experiment != null) {
            throw new LocalRunException("--faults and --experiment do not combine: the experiment file holds the "
                    + "rules of its faulted phase");
        }
        checkEntries(options);
        if (options.explore && (options.faults != null || options.experiment != null)) {
            throw new LocalRunException("--explore writes its own rules; it does not combine with --faults or "
                    + "--experiment");
        }
        if (!options.explore && (options.budget != null || options.reportJson != null)) {
            throw new LocalRunException("--budget and --report-json go with --explore");
        }
        if ((options.first == null) != (options.second == null)) {
            throw new LocalRunException("--first and --second go together");
        }
        if (options.first != null && options.template != null) {
            throw new LocalRunException("--template and --first/--second do not combine: the handlers make a "
                    + "template of their own");
        }
        if (options.first != null && !options.parameters.isEmpty()) {
            throw new LocalRunException("--parameter-overrides goes with a template; --first/--second have no "
                    + "parameters");
        }
        if (options.first != null && options.first[0].equals(options.second[0])) {
            throw new LocalRunException("the two functions need different names");
        }
        return options;
    }

    /** The API request's options shape the API request only; the other entries replace it. */
    private static void checkEntries(LocalRunOptions options) {
        if (options.body != null && !options.bodyFiles.isEmpty()) {
            throw new LocalRunException("--body and --body-file do not combine: give the body one way");
        }
        if (options.entries.isEmpty()) {
            return;
        }
        String entry = "--" + options.entries.get(0).kind();
        List<String> apiOptions = new ArrayList<>();
        if (options.method != null) {
            apiOptions.add("--method");
        }
        if (options.path != null) {
            apiOptions.add("--path");
        }
        if (!options.headers.isEmpty()) {
            apiOptions.add("--header");
        }
        if (options.body != null) {
            apiOptions.add("--body");
        }
        if (!options.bodyFiles.isEmpty()) {
            apiOptions.add("--body-file");
        }
        if (!apiOptions.isEmpty()) {
            throw new LocalRunException(String.join(", ", apiOptions) + " shape the API request, which " + entry
                    + " replaces: a run sends API requests or other entries, not both");
        }
        if (options.experiment != null) {
            throw new LocalRunException(entry + " and --experiment do not combine: the experiment sends its own"
                    + " requests");
        }
    }

    /** {@code Name: value}, as curl takes it; Java's HTTP client refuses a few names, so they are refused here. */
    private static String[] header(String text) {
        int colon = text.indexOf(':');
        String name = colon < 0 ? "" : text.substring(0, colon).trim();
        if (name.isEmpty() || !name.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
            throw new LocalRunException("--header wants 'NAME: VALUE', got " + text);
        }
        if (RESTRICTED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
            throw new LocalRunException("--header " + name + " is set by the HTTP client itself and cannot be given"
                    + " (" + String.join(", ", new java.util.TreeSet<>(RESTRICTED_HEADERS)) + ")");
        }
        return new String[] {name, text.substring(colon + 1).trim()};
    }

    /** A message body, or {@code @FILE}: checked to be a readable file now, read when the plan is made. */
    private static String payload(String text, String option) {
        if (text.startsWith("@")) {
            readableFile(text.substring(1), option);
        }
        return text;
    }

    private static Duration seconds(String text, String option) {
        try {
            double seconds = Double.parseDouble(text);
            if (seconds > 0 && seconds <= Integer.MAX_VALUE) {
                return Duration.ofMillis(Math.round(seconds * 1000));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new LocalRunException(option + " wants a positive number of seconds, got " + text);
    }

    private static int count(String text, String option) {
        try {
            int value = Integer.parseInt(text);
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new LocalRunException(option + " wants a number of messages (0 or more), got " + text);
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new LocalRunException(option + " needs a value");
        }
        return args[index];
    }

    private static Path readableFile(String text, String option) {
        Path file = Path.of(text);
        if (!java.nio.file.Files.isRegularFile(file) || !java.nio.file.Files.isReadable(file)) {
            throw new LocalRunException(option + " names " + text + ", which is not a readable file");
        }
        return file;
    }

    private static int positive(String text, String option) {
        try {
            int value = Integer.parseInt(text);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new LocalRunException(option + " wants a positive number, got " + text);
    }

    private static String[] named(String text, String option) {
        int equals = text.indexOf('=');
        if (equals <= 0 || equals == text.length() - 1) {
            throw new LocalRunException(option + " wants NAME=HANDLER, got " + text);
        }
        return new String[] {text.substring(0, equals), text.substring(equals + 1)};
    }
}
