package dev.xraytracing.examples;

import dev.xraytracing.local.LocalRun;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code mvn -pl examples exec:java} runs: {@link LocalRun} on the examples' template, with the command that
 * builds their package named where it is missing. The command line's own options come after, so they win.
 */
public final class RunLocally {
    /** The command that builds the examples' deployment package. */
    static final String BUILD_COMMAND = "mvn -B -q -pl examples -am package -DskipTests";

    private RunLocally() {
    }

    public static void main(String[] args) {
        List<String> withDefaults = new ArrayList<>(List.of("--template", template().toString(),
                "--build-command", BUILD_COMMAND));
        withDefaults.addAll(List.of(args));
        LocalRun.main(withDefaults.toArray(String[]::new));
    }

    /** The examples' template, relative to the current folder where it lies below it (as the run prints it). */
    static Path template() {
        Path template = Path.of(System.getProperty("xraytracing.examples.dir", ".")).toAbsolutePath().normalize()
                .resolve("template.yaml");
        Path here = Path.of("").toAbsolutePath();
        return template.startsWith(here) ? here.relativize(template) : template;
    }
}
