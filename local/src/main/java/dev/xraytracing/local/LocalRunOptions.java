package dev.xraytracing.local;

import dev.xraytracing.local.app.Fault;
import dev.xraytracing.local.app.LocalRunException;
import dev.xraytracing.local.app.RuntimeLoop;
import dev.xraytracing.local.internal.lambda.DefaultClasspath;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The parsed command line: {@link #parse} is the one place that reads it (and checks what the options need of each
 * other). Nothing here names an example; without {@code --template} or {@code --first}/{@code --second} the run takes
 * {@code template.yaml} in the current folder.
 */
final class LocalRunOptions {
    int requests = 3;
    Fault fault = Fault.NONE;
    boolean cold;
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
    /** {@code --explore [FILE]}: whether to explore, its file (null: defaults), {@code --budget}, {@code --report-json}. */
    boolean explore;
    Path exploreFile;
    Integer budget;
    Path reportJson;

    /** What {@code --help} prints after the usage line: one line per option, with its default. Keep beside parse. */
    static final String OPTIONS = String.join(System.lineSeparator(),
            "  -t, --template FILE       the SAM template to run (default: template.yaml in the current folder)",
            "  -n, --requests N          how many requests to send (default: 3)",
            "  --method M                the request's method (default: the first Api event's method)",
            "  --path /PATH              the request's path (default: the first Api event's path, {param}s filled"
                    + " with their names)",
            "  --fault KIND              none, function-error, throttle, 5xx or latency: every call to one function"
                    + " fails or slows down (default: none)",
            "  --fault-on FUNCTION       the function --fault hits (default: the template's last function)",
            "  --cold, --keep-warm       a new JVM for every invocation, or one kept warm per function"
                    + " (default: --keep-warm)",
            "  --runtime auto|ric|java   AWS's runtime interface client or the pure-Java loop (default: auto, the"
                    + " client where its native library loads)",
            "  --html FILE               where the HTML report goes (default: target/xray-tracing-local/report.html)",
            "  --env NAME:KEY=VALUE      an environment variable for one function, over the template's; repeatable"
                    + " (default: none)",
            "  -q, --quiet               hide the functions' output (default: shown)",
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
            "  --explore [FILE]          explore the faults the baseline's traces can take, one by one, then"
                    + " combinations; FILE holds the steady-state hypothesis (default: none, the baseline's status"
                    + " class within the entry's timeout)",
            "  --budget N                with --explore: at most N runs after the baseline (default: 100)",
            "  --report-json FILE        with --explore: the findings as JSON too (default: none)",
            "  -h, --help                print this help and exit");

    static LocalRunOptions parse(String... args) {
        LocalRunOptions options = new LocalRunOptions();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--help", "-h" -> options.help = true;
                case "--cold" -> options.cold = true;
                case "--keep-warm" -> options.cold = false;
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
                default -> throw new LocalRunException("unknown option " + arg);
            }
        }
        if (options.faults != null && options.experiment != null) {
            throw new LocalRunException("--faults and --experiment do not combine: the experiment file holds the "
                    + "rules of its faulted phase");
        }
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
        if (options.first != null && options.first[0].equals(options.second[0])) {
            throw new LocalRunException("the two functions need different names");
        }
        return options;
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
