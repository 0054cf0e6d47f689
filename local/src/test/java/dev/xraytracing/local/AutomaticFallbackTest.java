package dev.xraytracing.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xraytracing.local.app.LocalFunction;
import dev.xraytracing.local.app.RuntimeLoop;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the runtime interface client's native library cannot load (macOS, Windows; here a broken library stands in),
 * the platform runs the handler under the pure-Java loop instead, and says so.
 */
class AutomaticFallbackTest {
    @TempDir
    Path dir;

    @Test
    void a_native_library_that_does_not_load_falls_back_to_the_pure_java_loop_and_says_why() throws Exception {
        Path broken = Files.writeString(dir.resolve("libaws-lambda-jni.so"), "not a shared object");
        List<String> output = new CopyOnWriteArrayList<>();
        try (LocalPlatform platform = LocalPlatform.builder()
                .function(LocalFunction.of("Back", "dev.xraytracing.local.handlers.BackHandler").env("WORK_MILLIS", "1"))
                .runtimeLoop(RuntimeLoop.AUTO)
                .nativeLibrary(broken)
                .output(output::add)
                .start()) {
            LocalPlatform.ApiResponse response = platform.invoke("Back", "{}", null);

            assertThat(response.body()).as(String.join("\n", output)).contains("Hello from Back");
            assertThat(platform.runtimes().get("Back"))
                    .startsWith("pure-Java runtime loop (the runtime interface client's native library did not load: ")
                    .contains("UnsatisfiedLinkError");
            assertThat(output).anyMatch(line -> line.contains("Back started under the pure-Java runtime loop"));
            assertThat(platform.problems()).isEmpty();
        }
    }
}
