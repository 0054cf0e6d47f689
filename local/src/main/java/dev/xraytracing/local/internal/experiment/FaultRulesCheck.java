package dev.xraytracing.local.internal.experiment;

import dev.xraytracing.local.app.LocalRunException;
import dev.xraytracing.local.internal.lambda.FaultsModule;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Checks the fault rules of {@code LocalRun --faults} or {@code --experiment} before anything runs, with the faults
 * module's own reading of them ({@code RuleCheck}), so a bad rule stops the run with one line instead of injecting
 * nothing in functions whose output may be hidden. The module comes from LocalRun's class path (or its
 * {@code --classpath}), the place the run adds it to functions from; local does not depend on it.
 */
public final class FaultRulesCheck {
    static final String CHECKER = "dev.xraytracing.faults.internal.RuleCheck";

    private FaultRulesCheck() {
    }

    /**
     * Throws {@link LocalRunException} with the first problem of the rules (naming the file and the rule), if any;
     * says in one line when no faults module is at hand to check them.
     */
    public static void requireValid(Path faultsFile, Path experimentFile, String classpath, Consumer<String> say) {
        if (faultsFile == null && experimentFile == null) {
            return;
        }
        Optional<Class<?>> checker = checker(classpath);
        Path file = faultsFile != null ? faultsFile : experimentFile;
        if (checker.isEmpty()) {
            say.accept("note: the fault rules of " + file + " are not checked: LocalRun's class path has no "
                    + "xray-tracing-faults");
            return;
        }
        List<?> problems = faultsFile != null ? call(checker.get(), "ofFile", Path.class, faultsFile)
                : call(checker.get(), "ofText", String.class, ExperimentPlan.read(experimentFile).rules(),
                experimentFile.toString());
        if (!problems.isEmpty()) {
            throw new LocalRunException(problems.get(0) + (problems.size() == 1 ? ""
                    : " (and " + (problems.size() - 1) + " more " + (problems.size() == 2 ? "problem" : "problems")
                    + " in " + file + ")"));
        }
    }

    private static Optional<Class<?>> checker(String classpath) {
        ClassLoader own = FaultRulesCheck.class.getClassLoader();
        try {
            return Optional.of(Class.forName(CHECKER, true, own));
        } catch (ClassNotFoundException notHere) {
            Optional<Path> module = FaultsModule.onThisClasspath(classpath);
            if (module.isEmpty()) {
                return Optional.empty();
            }
            try {
                // Not closed: the checker's classes stay in use for this one check of a short-lived command.
                URLClassLoader loader = new URLClassLoader(new URL[] {module.get().toUri().toURL()}, own);
                return Optional.of(Class.forName(CHECKER, true, loader));
            } catch (ClassNotFoundException | MalformedURLException | LinkageError olderModule) {
                return Optional.empty();
            }
        }
    }

    private static List<?> call(Class<?> checker, String method, Class<?> firstParameter, Object... arguments) {
        try {
            Class<?>[] parameters = arguments.length == 1 ? new Class<?>[] {firstParameter}
                    : new Class<?>[] {firstParameter, String.class};
            return (List<?>) checker.getMethod(method, parameters).invoke(null, arguments);
        } catch (InvocationTargetException failed) {
            throw new LocalRunException("checking the fault rules failed: " + failed.getCause());
        } catch (ReflectiveOperationException olderModule) {
            throw new LocalRunException("the xray-tracing-faults on LocalRun's class path cannot check rules: "
                    + olderModule);
        }
    }
}
