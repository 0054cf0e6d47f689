package dev.xraytracing.local.internal.lambda;

import dev.xraytracing.local.app.LocalFunction;
import dev.xraytracing.local.app.LocalRunException;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Puts fault rules within reach of the functions of a run ({@code LocalRun --faults} and {@code --experiment}): each
 * function gets the rules file as {@code XRAY_TRACING_FAULTS_FILE}, and needs the faults module in its code for them
 * to apply. A function whose code lacks it gets the module from LocalRun's own class path (a classpath entry, or a jar
 * in {@code lib/} of a copy of its task root), and the run says so once; where there is none to add, the run warns
 * once that the rules cannot apply to that function.
 */
public final class FaultsModule {
    /** A class only the faults module has. */
    static final String MARKER = "dev/xraytracing/faults/FaultInjection.class";
    static final String RULES_FILE = "XRAY_TRACING_FAULTS_FILE";
    static final String SEED = "XRAY_TRACING_FAULTS_SEED";
    static final String JAR = "xray-tracing-faults.jar";

    private FaultsModule() {
    }

    /**
     * Makes sure each function's code has the faults module, adding it from {@code module} where it lacks it; says
     * what it did, one line per function that needed something. Returns the functions the rules can apply to.
     */
    public static List<LocalFunction> prepare(List<LocalFunction> functions, String platformClasspath,
                                              Optional<Path> module, Consumer<String> say) {
        List<LocalFunction> ready = new ArrayList<>();
        for (LocalFunction function : functions) {
            if (function.taskRoot().isPresent()) {
                Path root = function.taskRoot().get();
                if (hasModule(ChildClasspath.ofTaskRoot(root))) {
                    ready.add(function);
                } else if (module.isPresent()) {
                    function.taskRoot(withModule(root, module.get()));
                    say.accept("note: " + function.name() + "'s package lacks xray-tracing-faults; this run uses a "
                            + "copy with lib/" + JAR + " (and the Jackson jars it needs) added from LocalRun's class "
                            + "path (in Lambda, package the module with the function)");
                    ready.add(function);
                } else {
                    say.accept(cannotApply(function));
                }
            } else {
                String classpath = function.classpath().orElse(platformClasspath);
                if (hasModule(entries(classpath))) {
                    ready.add(function);
                } else if (module.isPresent()) {
                    function.classpath(classpath + File.pathSeparator + module.get());
                    say.accept("note: " + function.name() + "'s class path lacks xray-tracing-faults; for this run "
                            + "it gets " + module.get() + " from LocalRun's class path");
                    ready.add(function);
                } else {
                    say.accept(cannotApply(function));
                }
            }
        }
        return ready;
    }

    /** Hands the rules (and their seed, if any) to the function's next JVMs. */
    public static void applyRules(LocalFunction function, Path rulesFile, String seed) {
        function.env(RULES_FILE, rulesFile.toAbsolutePath().toString());
        if (seed != null) {
            function.env(SEED, seed);
        }
    }

    /** Where LocalRun's own class path has the faults module (a jar or a classes folder), if it has it. */
    public static Optional<Path> onThisClasspath(String classpath) {
        Optional<Path> here = ChildClasspath.locationOf("dev.xraytracing.faults.FaultInjection");
        if (here.isPresent()) {
            return here;
        }
        return entries(classpath).stream().filter(entry -> hasModule(List.of(entry))).findFirst();
    }

    private static String cannotApply(LocalFunction function) {
        return "warning: " + function.name() + " has no xray-tracing-faults and LocalRun's class path has none to "
                + "add: the fault rules cannot apply to it (add the dependency dev.xraytracing:xray-tracing-faults)";
    }

    private static List<Path> entries(String classpath) {
        List<Path> entries = new ArrayList<>();
        for (String entry : classpath.split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                entries.add(Path.of(entry));
            }
        }
        return entries;
    }

    static boolean hasModule(List<Path> entries) {
        return holds(entries, MARKER);
    }

    private static boolean holds(List<Path> entries, String resource) {
        for (Path entry : entries) {
            if (Files.isDirectory(entry)) {
                if (Files.isRegularFile(entry.resolve(resource))) {
                    return true;
                }
            } else if (Files.isRegularFile(entry)) {
                try (ZipFile zip = new ZipFile(entry.toFile())) {
                    if (zip.getEntry(resource) != null) {
                        return true;
                    }
                } catch (IOException e) {
                    // not a jar: cannot hold the module
                }
            }
        }
        return false;
    }

    /**
     * The module reads its rules with Jackson, which a lean package leaves out (docs/packaging.md): the jars of
     * Jackson's three parts that the package lacks come along from LocalRun's class path.
     */
    private static final List<String> MODULE_NEEDS = List.of("com.fasterxml.jackson.databind.ObjectMapper",
            "com.fasterxml.jackson.core.JsonFactory", "com.fasterxml.jackson.annotation.JsonInclude");

    private static void addWhatTheModuleNeeds(Path taskRoot, Path lib) throws IOException {
        List<Path> packaged = ChildClasspath.ofTaskRoot(taskRoot);
        for (String type : MODULE_NEEDS) {
            String resource = type.replace('.', '/') + ".class";
            if (holds(packaged, resource)) {
                continue;
            }
            Optional<Path> jar = ChildClasspath.locationOf(type);
            if (jar.isPresent() && Files.isRegularFile(jar.get())) {
                Path target = lib.resolve(jar.get().getFileName().toString());
                Files.copy(jar.get(), target, StandardCopyOption.REPLACE_EXISTING);
                target.toFile().deleteOnExit();
            }
        }
    }

    /** A copy of the task root with the module as {@code lib/xray-tracing-faults.jar}. */
    static Path withModule(Path taskRoot, Path module) {
        try {
            Path copy = Files.createTempDirectory("lambda-task-faults-");
            copy.toFile().deleteOnExit();
            try (Stream<Path> files = Files.walk(taskRoot)) {
                for (Path source : (Iterable<Path>) files::iterator) {
                    Path target = copy.resolve(taskRoot.relativize(source).toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                    target.toFile().deleteOnExit();
                }
            }
            Path lib = Files.createDirectories(copy.resolve("lib"));
            lib.toFile().deleteOnExit();
            Path jar = lib.resolve(JAR);
            if (Files.isDirectory(module)) {
                jarUp(module, jar);
            } else {
                Files.copy(module, jar, StandardCopyOption.REPLACE_EXISTING);
            }
            jar.toFile().deleteOnExit();
            addWhatTheModuleNeeds(taskRoot, lib);
            return copy;
        } catch (IOException e) {
            throw new LocalRunException("cannot add xray-tracing-faults to a copy of " + taskRoot + ": "
                    + e.getMessage());
        }
    }

    /** A classes folder (the module inside a Maven reactor) as a jar. */
    private static void jarUp(Path classes, Path jar) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(file);
             Stream<Path> files = Files.walk(classes)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(source)) {
                    zip.putNextEntry(new ZipEntry(classes.relativize(source).toString().replace(File.separatorChar,
                            '/')));
                    Files.copy(source, zip);
                    zip.closeEntry();
                }
            }
        }
    }
}
