package dev.xraytracing.local;

import dev.xraytracing.local.internal.DefaultClasspath;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The parsed command line. */
final class LocalRunOptions {
    int requests = 3;
    Fault fault = Fault.NONE;
    boolean cold;
    boolean quiet;
    boolean help;
    RuntimeLoop runtime = RuntimeLoop.AUTO;
    Path html = Path.of("target", "xray-tracing-local", "report.html");
    String path = "/hello";
    String firstName = "MyFirstLambda";
    String firstHandler = "dev.xraytracing.examples.MyFirstLambda";
    String secondName = "MySecondLambda";
    String secondHandler = "dev.xraytracing.examples.MySecondLambda";
    String classpath = DefaultClasspath.detect();
    Path template;
    String method;
    String faultOn;
    boolean pathGiven;
    boolean handlersGiven;
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
                case "--path" -> {
                    options.path = value(args, ++i, arg);
                    options.pathGiven = true;
                }
                case "--template", "-t" -> options.template = Path.of(value(args, ++i, arg));
                case "--method" -> options.method = value(args, ++i, arg).toUpperCase(Locale.ROOT);
                case "--fault-on" -> options.faultOn = value(args, ++i, arg);
                case "--faults" -> options.faults = readableFile(value(args, ++i, arg), arg);
                case "--experiment" -> options.experiment = readableFile(value(args, ++i, arg), arg);
                case "--classpath", "-cp" -> options.classpath = value(args, ++i, arg);
                case "--first" -> {
                    String[] named = named(value(args, ++i, arg), arg);
                    options.firstName = named[0];
                    options.firstHandler = named[1];
                    options.handlersGiven = true;
                }
                case "--second" -> {
                    String[] named = named(value(args, ++i, arg), arg);
                    options.secondName = named[0];
                    options.secondHandler = named[1];
                    options.handlersGiven = true;
                }
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
        if (options.firstName.equals(options.secondName)) {
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
