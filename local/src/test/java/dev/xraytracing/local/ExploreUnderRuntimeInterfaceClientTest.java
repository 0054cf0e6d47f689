package dev.xraytracing.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** {@code LocalRun --explore} end to end on MyFirstLambda's shape. */
@EnabledOnOs(value = OS.LINUX, disabledReason = "the runtime interface client ships its native library for Linux only")
class ExploreUnderRuntimeInterfaceClientTest {
    @TempDir
    static Path dir;
    static String output;
    static int exit;

    @BeforeAll
    static void explore() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        exit = LocalRun.run(new PrintStream(bytes, true, StandardCharsets.UTF_8),
                "--runtime", "ric", "--quiet", "--html", dir.resolve("report.html").toString(),
                "--first", "Front=dev.xraytracing.local.handlers.TracedFrontHandler",
                "--second", "Back=dev.xraytracing.local.handlers.BackHandler",
                "--env", "Back:WORK_MILLIS=20", "--explore", "--budget", "11",
                "--report-json", dir.resolve("exploration.json").toString());
        output = bytes.toString(StandardCharsets.UTF_8);
        System.out.println(output);
    }

    @Test
    void it_runs() {
        assertThat(exit).as(output).isZero();
    }
}
