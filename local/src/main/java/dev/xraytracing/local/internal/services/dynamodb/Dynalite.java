package dev.xraytracing.local.internal.services.dynamodb;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where dynalite is: the path that {@link #PATH_PROPERTY} or {@link #PATH_VARIABLE} names (its {@code cli.js}, its
 * package folder, or the folder npm installed it in), else the repository's {@link #REPO_DEFAULT} in the working
 * directory or a folder above it, else {@code dynalite} on the {@code PATH}. A {@code .js} file runs on {@code node}
 * (or Debian's {@code nodejs}) from the {@code PATH}, version 20 or later.
 */
final class Dynalite {
    static final String PATH_PROPERTY = "xraytracing.local.dynalite";
    static final String PATH_VARIABLE = "XRAYTRACING_LOCAL_DYNALITE";
    static final String VERSION = "4.0.0";
    static final int MINIMUM_NODE = 20;
    static final String INSTALL_STEP = "npm ci --ignore-scripts --prefix local/engines/dynamodb";
    static final Path REPO_DEFAULT = Path.of("local", "engines", "dynamodb");
    private static final Path CLI = Path.of("node_modules", "dynalite", "cli.js");

    /** The command that starts dynalite, without its options, or the one line that says what to install. */
    record Found(Optional<List<String>> command, String missing) {
    }

    private Dynalite() {
    }

    static Found find(String configured, Map<String, String> environment, Path workingDirectory) {
        String pathVariable = environment.getOrDefault("PATH", "");
        Optional<Path> script;
        if (configured != null && !configured.isBlank()) {
            script = configuredScript(Path.of(configured));
            if (script.isEmpty()) {
                return missing(configured + " (" + PATH_PROPERTY + " or " + PATH_VARIABLE + ") is no dynalite: name"
                        + " its cli.js, or the folder where " + INSTALL_STEP.replace("local/engines/dynamodb", "DIR")
                        + " installed it");
            }
        } else {
            script = repositoryScript(workingDirectory.toAbsolutePath());
            if (script.isEmpty()) {
                Optional<Path> onPath = onPath("dynalite", pathVariable);
                if (onPath.isPresent()) {
                    return new Found(Optional.of(List.of(onPath.get().toString())), "");
                }
                return missing("dynalite is not installed: run " + INSTALL_STEP + " in the repository (it needs"
                        + " Node.js 20 or later and npm: apt-get install nodejs npm), or set " + PATH_VARIABLE
                        + " to dynalite's cli.js");
            }
        }
        if (!script.get().toString().endsWith(".js")) {
            return new Found(Optional.of(List.of(script.get().toString())), "");
        }
        Optional<Path> node = onPath("node", pathVariable).or(() -> onPath("nodejs", pathVariable));
        if (node.isEmpty()) {
            return missing("Node.js is not installed, and dynalite runs on it: apt-get install nodejs (20 or later)");
        }
        Optional<String> tooOld = tooOld(node.get());
        if (tooOld.isPresent()) {
            return missing(tooOld.get());
        }
        return new Found(Optional.of(List.of(node.get().toString(), script.get().toString())), "");
    }

    /** dynalite 4 needs Node.js 20 (its {@code engines}); Debian 12's own {@code nodejs} is 18. */
    private static Optional<String> tooOld(Path node) {
        String version;
        try {
            Process process = new ProcessBuilder(node.toString(), "--version").redirectErrorStream(true).start();
            version = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            process.waitFor();
        } catch (IOException e) {
            return Optional.of(node + " does not run (" + e.getMessage() + "); dynalite needs Node.js 20 or later");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        Matcher major = Pattern.compile("^v(\\d+)\\.").matcher(version);
        if (major.find() && Integer.parseInt(major.group(1)) >= MINIMUM_NODE) {
            return Optional.empty();
        }
        return Optional.of("Node.js " + version + " (" + node + ") is too old for dynalite " + VERSION + ", which"
                + " needs Node.js " + MINIMUM_NODE + " or later");
    }

    private static Found missing(String line) {
        return new Found(Optional.empty(), "DynamoDB: " + line + "; the template's tables are not created and"
                + " DynamoDB calls fail at once");
    }

    private static Optional<Path> configuredScript(Path path) {
        for (Path candidate : List.of(path, path.resolve(CLI), path.resolve("cli.js"))) {
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate.toAbsolutePath());
            }
        }
        return Optional.empty();
    }

    private static Optional<Path> repositoryScript(Path workingDirectory) {
        for (Path folder = workingDirectory; folder != null; folder = folder.getParent()) {
            Path cli = folder.resolve(REPO_DEFAULT).resolve(CLI);
            if (Files.isRegularFile(cli)) {
                return Optional.of(cli);
            }
        }
        return Optional.empty();
    }

    private static Optional<Path> onPath(String program, String pathVariable) {
        for (String folder : pathVariable.split(File.pathSeparator)) {
            if (!folder.isEmpty()) {
                Path candidate = Path.of(folder, program);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }
}
