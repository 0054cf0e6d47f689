package dev.xraytracing.local.internal.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xraytracing.local.app.LocalFunction;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How LocalRun's fault options reach a function's code: found there, added from LocalRun's class path, or warned. */
class FaultsModuleTest {
    @TempDir
    Path dir;
    final List<String> said = new ArrayList<>();

    @Test
    void a_package_without_the_module_runs_from_a_copy_whose_lib_has_it_and_the_run_says_so() throws Exception {
        Path taskRoot = Files.createDirectories(dir.resolve("task"));
        Files.createDirectories(taskRoot.resolve("lib"));
        Files.writeString(taskRoot.resolve("Handler.class"), "not really");
        LocalFunction function = LocalFunction.of("MyFirstLambda", "Handler").taskRoot(taskRoot);
        Path module = FaultsModule.onThisClasspath("").orElseThrow();

        List<LocalFunction> ready = FaultsModule.prepare(List.of(function), "", Optional.of(module), said::add);

        assertThat(ready).containsExactly(function);
        Path copy = function.taskRoot().orElseThrow();
        assertThat(copy).isNotEqualTo(taskRoot);
        assertThat(copy.resolve("Handler.class")).hasContent("not really");
        try (ZipFile jar = new ZipFile(copy.resolve("lib").resolve("xray-tracing-faults.jar").toFile())) {
            assertThat(jar.getEntry(FaultsModule.MARKER)).isNotNull();
        }
        // the module reads its rules with Jackson, which a lean package leaves out: it comes along
        assertThat(copy.resolve("lib").toFile().list()).anyMatch(name -> name.startsWith("jackson-databind"))
                .anyMatch(name -> name.startsWith("jackson-core")).anyMatch(name -> name.startsWith("jackson-annotations"));
        assertThat(taskRoot.resolve("lib")).isEmptyDirectory();
        assertThat(said).containsExactly("note: MyFirstLambda's package lacks xray-tracing-faults; this run uses a "
                + "copy with lib/xray-tracing-faults.jar (and the Jackson jars it needs) added from LocalRun's class "
                + "path (in Lambda, package the module with the function)");
    }

    @Test
    void a_class_path_without_the_module_gets_it_appended() {
        LocalFunction function = LocalFunction.of("Front", "Handler").classpath(dir.toString());
        Path module = FaultsModule.onThisClasspath("").orElseThrow();

        FaultsModule.prepare(List.of(function), "", Optional.of(module), said::add);

        assertThat(function.classpath()).contains(dir + File.pathSeparator + module);
        assertThat(said).singleElement().asString().contains("Front's class path lacks xray-tracing-faults");
    }

    @Test
    void a_function_that_has_the_module_is_left_as_it_is() {
        Path module = FaultsModule.onThisClasspath("").orElseThrow();
        LocalFunction function = LocalFunction.of("Front", "Handler").classpath(module.toString());

        List<LocalFunction> ready = FaultsModule.prepare(List.of(function), "", Optional.empty(), said::add);

        assertThat(ready).containsExactly(function);
        assertThat(function.classpath()).contains(module.toString());
        assertThat(said).isEmpty();
    }

    @Test
    void with_no_module_to_add_the_run_warns_once_that_the_rules_cannot_apply() {
        LocalFunction function = LocalFunction.of("Back", "Handler").classpath(dir.toString());

        List<LocalFunction> ready = FaultsModule.prepare(List.of(function), "", Optional.empty(), said::add);

        assertThat(ready).isEmpty();
        assertThat(said).containsExactly("warning: Back has no xray-tracing-faults and LocalRun's class path has none "
                + "to add: the fault rules cannot apply to it (add the dependency dev.xraytracing:xray-tracing-faults)");
    }

    @Test
    void the_rules_and_their_seed_reach_the_functions_environment() {
        LocalFunction function = LocalFunction.of("Back", "Handler");
        FaultsModule.applyRules(function, dir.resolve("rules.json"), "7");
        assertThat(function.environment()).containsEntry("XRAY_TRACING_FAULTS_FILE",
                dir.resolve("rules.json").toAbsolutePath().toString()).containsEntry("XRAY_TRACING_FAULTS_SEED", "7");
    }
}
