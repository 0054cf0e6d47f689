package dev.xraytracing.examples;

import dev.xraytracing.local.LocalRun;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code mvn -pl examples exec:java} runs: {@link LocalRun} on the examples' template (unless the command line
 * names a template or two handlers of its own), with the command that builds their package named where it is missing.
 * The command line's own options come after, so they win.
 */
public final class RunLocally {
    /** The command that builds the examples' deployment package. */
    static final String BUILD_COMMAND = "mvn -B -q -pl examples -am package -DskipTests";

    private RunLocally() {
    }

    public static void main(String[] args) {
        LocalRun.main(withDefaults(args));
    }

    static String[] withDefaults(String... args) {
        List<String> given = List.of(args);
        List<String> all = new ArrayList<>(List.of("--build-command", BUILD_COMMAND));
        if (given.stream().noneMatch(List.of("--template", "-t", "--first", "--second")::contains)) {
            all.addAll(List.of("--template", template().toString()));
        }
        all.addAll(given);
        return all.toArray(String[]::new);
    }

    /** The examples' template, relative to the current folder where it lies below it (as the run prints it). */
    static Path template() {
        Path template = Path.of(System.getProperty("xraytracing.examples.dir", ".")).toAbsolutePath().normalize()
                .resolve("template.yaml");
        Path here = Path.of("").toAbsolutePath();
        return template.startsWith(here) ? here.relativize(template) : template;
    }
}
