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
