package dev.xraytracing.local;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xraytracing.local.app.LocalFunction;
import dev.xraytracing.local.app.LocalRunException;
import dev.xraytracing.local.handlers.BackHandler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A handler class missing from a packaged function's code names the package (as the template names it) and the class
 * of the package whose name is nearest, before any JVM starts.
 */
class MissingHandlerClassInAPackageTest {
    private static final String BACK = BackHandler.class.getName();

    @TempDir
    Path taskRoot;

    /** A task root holding BackHandler at the root and one class in a jar under lib/. */
    private void packageBackHandler() throws IOException {
        Path classFile = taskRoot.resolve(BACK.replace('.', '/') + ".class");
        Files.createDirectories(classFile.getParent());
        try (InputStream in = BackHandler.class.getResourceAsStream("BackHandler.class")) {
            Files.copy(in, classFile);
        }
        Files.createDirectories(taskRoot.resolve("lib"));
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(taskRoot.resolve("lib/util.jar")))) {
            jar.putNextEntry(new JarEntry("com/example/util/Strings.class"));
            jar.closeEntry();
        }
    }

    private void start(String handler) {
        LocalPlatform.builder().function(LocalFunction.of("Back", handler).taskRoot(taskRoot)
                .deploymentPackage(Path.of("target", "back.zip"))).output(line -> { }).start().close();
    }

    @Test
    void a_misspelt_class_names_the_package_and_the_nearest_class_in_it() throws IOException {
        packageBackHandler();

        assertThatThrownBy(() -> start(BACK.replace("BackHandler", "BakHandler") + "::handleRequest"))
                .isInstanceOf(LocalRunException.class)
                .hasMessage("handler class dev.xraytracing.local.handlers.BakHandler of function Back is not on the "
                        + "classpath: its package " + Path.of("target", "back.zip") + " does not hold it; did you "
                        + "mean " + BACK + "?");
    }

    @Test
    void a_class_in_the_wrong_package_names_the_one_with_its_simple_name() throws IOException {
        packageBackHandler();

        assertThatThrownBy(() -> start("com.example.BackHandler"))
                .isInstanceOf(LocalRunException.class)
                .hasMessageEndingWith("; did you mean " + BACK + "?");
        assertThatThrownBy(() -> start("com.example.util.String"))
                .isInstanceOf(LocalRunException.class)
                .hasMessageEndingWith("; did you mean com.example.util.Strings?");
    }

    @Test
    void a_class_nothing_resembles_says_so() throws IOException {
        packageBackHandler();

        assertThatThrownBy(() -> start("com.example.OrdersFunction"))
                .isInstanceOf(LocalRunException.class)
                .hasMessageEndingWith(": its package " + Path.of("target", "back.zip") + " does not hold it; nor is "
                        + "any class of a similar name");
    }

    @Test
    void a_task_root_given_without_its_package_is_named_itself() {
        assertThatThrownBy(() -> LocalPlatform.builder().function(LocalFunction.of("Back", BACK).taskRoot(taskRoot))
                .output(line -> { }).start().close())
                .isInstanceOf(LocalRunException.class)
                .hasMessageContaining(": its package " + taskRoot + " does not hold it");
    }
}
