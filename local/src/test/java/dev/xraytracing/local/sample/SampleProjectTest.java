package dev.xraytracing.local.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.xraytracing.local.LocalRun;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A user's own project, not the examples: its template ({@code com.example.Greeter::handleRequest} and an Auditor it
 * invokes), its handlers, its built package. The documented command ({@code LocalRun --template template.yaml}) runs
 * it from that package; a timeout and a packaging mistake fail the run as they would fail in AWS.
 */
class SampleProjectTest {
    @TempDir
    static Path dir;
    static Path template;

    @BeforeAll
    static void buildTheProject() {
        template = SampleProject.build(dir.resolve("app"), true);
    }

    @ParameterizedTest(name = "under --runtime {0}")
    @ValueSource(strings = {"ric", "java"})
    void the_documented_command_runs_the_template_from_the_built_package(String runtime) {
        assumeTrue(runtime.equals("java") || OS.LINUX.isCurrentOs(), "the runtime client's native library is Linux's");
        Run run = localRun("--template", template.toString(), "--runtime", runtime, "--requests", "2");

        assertThat(run.exit).as(run.output).isZero();
        assertThat(run.output)
                .contains("request 1: GET /greet/name -> 200 Hello from us-east-1: hello, name! (\"audited name\")")
                .contains("request 2: GET /greet/name -> 200")
                .contains("GreetingsApi/dev (API Gateway) → Greeter (Lambda)  2 calls")
                .contains("Greeter (Lambda function) → Auditor (Lambda)  2 calls")
                .contains("Audited=name")
                .doesNotContain("not built yet").doesNotContain("warning:").doesNotContain("Exception");
    }

    @Test
    void a_function_past_its_timeout_is_stopped_with_lambdas_error_and_the_run_fails() {
        Run run = localRun("--template", template.toString(), "--runtime", "java", "--path", "/slow",
                "--requests", "1");

        assertThat(run.exit).as(run.output).isEqualTo(1);
        assertThat(run.output)
                .contains("request 1: GET /slow -> 502 audit failed")
                .contains("problem: Auditor timed out: Task timed out after 6.00 seconds")
                .contains("Task timed out after 6.00 seconds")
                .endsWith("xray-tracing-local: FAILED: 1 of 1 requests answered 5xx (502) and no --fault asked for it;"
                        + " Auditor timed out: Task timed out after 6.00 seconds" + System.lineSeparator());
    }

    @Test
    void a_package_missing_a_jar_fails_as_in_aws_and_the_run_says_so_in_one_line() {
        Path broken = SampleProject.build(dir.resolve("broken"), false);
        Run run = localRun("--template", broken.toString(), "--runtime", "java", "--requests", "1");

        assertThat(run.exit).as(run.output).isEqualTo(1);
        assertThat(run.output).contains("request 1: GET /greet/name -> 502")
                .containsPattern("xray-tracing-local: FAILED: 1 of 1 requests answered 5xx \\(502\\) and no --fault "
                        + "asked for it; Greeter: java.lang.NoClassDefFoundError: .*"
                        + "dev/xraytracing/lambda/TracedRequestHandler");
    }

    record Run(int exit, String output) {
    }

    static Run localRun(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String[] all = new String[args.length + 3];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--quiet";
        all[args.length + 1] = "--html";
        all[args.length + 2] = dir.resolve("report.html").toString();
        int exit = LocalRun.run(new PrintStream(bytes, true, StandardCharsets.UTF_8), all);
        return new Run(exit, bytes.toString(StandardCharsets.UTF_8));
    }
}
