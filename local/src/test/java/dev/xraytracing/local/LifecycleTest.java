package dev.xraytracing.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xraytracing.local.app.LocalFunction;
import dev.xraytracing.local.app.LocalRunException;
import dev.xraytracing.local.app.RuntimeLoop;
import dev.xraytracing.trace.RecordedTrace;
import dev.xraytracing.trace.TraceDocuments;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Cold and warm starts, and no function JVM outlives the platform: not on close, not on Ctrl-C. */
class LifecycleTest {
    static final String BACK = "dev.xraytracing.local.handlers.BackHandler";

    static long initializations(LocalPlatform platform) {
        List<RecordedTrace> traces = TraceDocuments.assemble(platform.awaitDocuments());
        return traces.stream().filter(t -> t.find("Initialization").isPresent()).count();
    }

    @Test
    void a_warm_environment_serves_the_second_invocation_without_initialization() {
        try (LocalPlatform platform = LocalPlatform.builder().function(LocalFunction.of("Back", BACK)
                .env("WORK_MILLIS", "1")).runtimeLoop(RuntimeLoop.PURE_JAVA).output(line -> { }).start()) {
            platform.invoke("Back", "{}", null);
            platform.invoke("Back", "{}", null);

            assertThat(initializations(platform)).isEqualTo(1);
        }
    }

    @Test
    void without_keep_warm_every_invocation_is_a_cold_start_and_no_jvm_is_left_after_close() {
        List<ProcessHandle> children = new ArrayList<>();
        try (LocalPlatform platform = LocalPlatform.builder().function(LocalFunction.of("Back", BACK)
                .env("WORK_MILLIS", "1")).runtimeLoop(RuntimeLoop.PURE_JAVA).keepWarm(false).output(line -> { })
                .start()) {
            platform.invoke("Back", "{}", null);
            ProcessHandle.current().children().forEach(children::add);
            platform.invoke("Back", "{}", null);

            assertThat(initializations(platform)).isEqualTo(2);
        }
        assertThat(children).noneMatch(ProcessHandle::isAlive);
        assertThat(ProcessHandle.current().children()).noneMatch(p -> p.info().command().orElse("").endsWith("java"));
    }

    @Test
    void a_function_set_cold_starts_every_time_while_the_others_stay_warm() {
        try (LocalPlatform platform = LocalPlatform.builder()
                .function(LocalFunction.of("Cold", BACK).env("WORK_MILLIS", "1").keepWarm(false))
                .function(LocalFunction.of("Warm", BACK).env("WORK_MILLIS", "1"))
                .runtimeLoop(RuntimeLoop.PURE_JAVA).output(line -> { }).start()) {
            for (int i = 0; i < 2; i++) {
                platform.invoke("Cold", "{}", null);
                platform.invoke("Warm", "{}", null);
            }

            List<RecordedTrace> traces = TraceDocuments.assemble(platform.awaitDocuments());
            assertThat(traces.stream().filter(t -> t.find("Initialization").isPresent())
                    .map(t -> t.find("Initialization").orElseThrow().parent().orElseThrow().name()))
                    .containsExactlyInAnyOrder("Cold", "Cold", "Warm");
        }
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void a_launcher_prefix_starts_every_jvm_of_that_function_and_only_of_that_function(@TempDir Path dir)
            throws Exception {
        Path launches = dir.resolve("launches");
        // Appends one line per start, then becomes the JVM, as taskset does.
        String[] recordThenExec = {"sh", "-c", "echo \"$LAUNCH_MARK\" >> '" + launches + "'; exec \"$@\"", "sh"};
        try (LocalPlatform platform = LocalPlatform.builder()
                .function(LocalFunction.of("Cold", BACK).env("WORK_MILLIS", "1").env("LAUNCH_MARK", "cold")
                        .keepWarm(false).launcher(recordThenExec))
                .function(LocalFunction.of("Warm", BACK).env("WORK_MILLIS", "1").env("LAUNCH_MARK", "warm"))
                .runtimeLoop(RuntimeLoop.PURE_JAVA).output(line -> { }).start()) {
            for (int i = 0; i < 3; i++) {
                assertThat(platform.invoke("Cold", "{}", null).status()).isEqualTo(200);
                assertThat(platform.invoke("Warm", "{}", null).status()).isEqualTo(200);
            }
        }

        assertThat(Files.readAllLines(launches)).containsExactly("cold", "cold", "cold");
    }

    @Test
    void a_function_runs_on_its_own_classpath_when_it_has_one() {
        LocalPlatform.Builder builder = LocalPlatform.builder()
                .function(LocalFunction.of("Back", BACK).classpath(Path.of("target", "no-such-dir").toString()))
                .runtimeLoop(RuntimeLoop.PURE_JAVA).output(line -> { });

        assertThatThrownBy(builder::start).isInstanceOf(LocalRunException.class)
                .hasMessageContaining("handler class " + BACK + " of function Back is not on the classpath");
    }

    @Test
    void ctrl_c_on_a_run_stops_every_function_jvm() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process run = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), LocalRun.class.getName(),
                "--requests", "100000", "--runtime", "java", "--quiet",
                "--first", "Front=dev.xraytracing.local.handlers.FrontHandler", "--second", "Back=" + BACK,
                "--env", "Back:WORK_MILLIS=50", "--html", Path.of("target", "ctrl-c-report.html").toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        List<ProcessHandle> functions = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (functions.size() < 2 && System.nanoTime() < deadline && run.isAlive()) {
            Thread.sleep(100);
            functions.clear();
            run.toHandle().children().forEach(functions::add);
        }
        assertThat(functions).as("both function JVMs started").hasSize(2);

        run.destroy(); // SIGTERM, as Ctrl-C's SIGINT: the JVM runs its shutdown hooks
        assertThat(run.waitFor(30, TimeUnit.SECONDS)).isTrue();
        for (ProcessHandle function : functions) {
            function.onExit().get(10, TimeUnit.SECONDS);
            assertThat(function.isAlive()).isFalse();
        }
    }
}
