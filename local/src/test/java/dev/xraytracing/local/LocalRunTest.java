package dev.xraytracing.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: runs two handlers end to end, prints the views and the HTML path, or one clear error line. */
class LocalRunTest {
    @TempDir
    Path dir;

    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    String output() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void a_run_prints_each_request_the_waterfalls_the_service_map_and_the_html_path() throws Exception {
        Path html = dir.resolve("report.html");
        int exit = LocalRun.run(out, "--requests", "2", "--runtime", "java", "--quiet", "--html", html.toString(),
                "--first", "Front=dev.xraytracing.local.handlers.FrontHandler",
                "--second", "Back=dev.xraytracing.local.handlers.BackHandler",
                "--env", "Back:WORK_MILLIS=20");

        assertThat(exit).as(output()).isZero();
        assertThat(output())
                .contains("request 1: GET /hello -> 200 \"Successfully invoked Back: 200\"")
                .contains("request 2: GET /hello -> 200")
                .contains("CallSecondLambda")
                .contains("client (client) → api/prod (API Gateway)  2 calls")
                .contains("runtime: Back ran under the pure-Java runtime loop (forced)")
                .contains("HTML report: " + html.toAbsolutePath());
        assertThat(Files.readString(html)).contains("id=\"xray-data\"").contains("CallSecondLambda");
    }

    @Test
    void a_missing_handler_is_one_line_naming_the_class() {
        int exit = LocalRun.run(out, "--quiet", "--first", "Front=com.example.Missing",
                "--second", "Back=dev.xraytracing.local.handlers.BackHandler");

        assertThat(exit).isEqualTo(1);
        assertThat(output().trim()).isEqualTo("xray-tracing-local: handler class com.example.Missing"
                + " of function Front is not on the classpath");
    }

    @Test
    void without_a_template_here_or_handlers_the_run_says_how_to_name_them() {
        int exit = LocalRun.run(out, "--quiet");

        assertThat(exit).isEqualTo(1);
        assertThat(output().trim()).startsWith("xray-tracing-local: no template.yaml in ")
                .endsWith(": name a SAM template with --template FILE, or two handlers with --first NAME=HANDLER"
                        + " --second NAME=HANDLER");
    }

    @Test
    void first_and_second_go_together() {
        assertThat(LocalRun.run(out, "--first", "Front=dev.xraytracing.local.handlers.FrontHandler")).isEqualTo(2);
        assertThat(output()).startsWith("xray-tracing-local: --first and --second go together");
    }

    @Test
    void a_bad_option_is_one_line_and_the_usage() {
        int exit = LocalRun.run(out, "--fault", "meteor");

        assertThat(exit).isEqualTo(2);
        assertThat(output()).startsWith("xray-tracing-local: unknown fault 'meteor': use none, function-error, "
                + "throttle, 5xx or latency").contains(LocalRun.USAGE);
    }

    @Test
    void fault_rules_reach_the_functions_and_the_failures_they_cause_do_not_fail_the_run() throws Exception {
        Path rules = Files.writeString(dir.resolve("rules.json"), "[{\"id\": \"broken-work\", \"target\": "
                + "\"block:Work\", \"mode\": \"exception\", \"message\": \"injected\"}]");
        int exit = LocalRun.run(out, "--requests", "1", "--runtime", "java", "--quiet",
                "--html", dir.resolve("report.html").toString(),
                "--first", "Front=dev.xraytracing.local.handlers.FrontHandler",
                "--second", "Back=dev.xraytracing.local.handlers.BackHandler",
                "--env", "Back:WORK_MILLIS=20", "--faults", rules.toString());

        assertThat(exit).as(output()).isZero();
        assertThat(output())
                .contains("xray-tracing-local: fault rules from " + rules + " for Front, Back")
                .contains("request 1: GET /hello -> 200 \"Successfully invoked Back: 200\"")
                .contains("FaultRule=broken-work")
                .doesNotContain("FAILED");
    }

    @Test
    void a_faults_file_with_a_misspelled_mode_stops_the_run_with_one_line_naming_the_file_and_the_rule()
            throws Exception {
        Path rules = Files.writeString(dir.resolve("bad.json"), "[{\"id\": \"slow\", \"target\": \"handler\", "
                + "\"mode\": \"latency\", \"latencyMs\": 5}, {\"id\": \"down\", \"target\": \"handler\", "
                + "\"mode\": \"stauts\"}]");

        int exit = LocalRun.run(out, "--first", "Front=dev.xraytracing.local.handlers.FrontHandler",
                "--second", "Back=dev.xraytracing.local.handlers.BackHandler", "--faults", rules.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(output()).isEqualTo("xray-tracing-local: rule 2 ('down') of " + rules + " is invalid: unknown mode "
                + "stauts (latency, exception, status, http, timeout)" + System.lineSeparator());
    }

    @Test
    void a_faults_file_that_is_not_json_stops_the_run_with_one_line() throws Exception {
        Path rules = Files.writeString(dir.resolve("bad.json"), "[{\"id\": \"a\",\n \"target\": }]");

        int exit = LocalRun.run(out, "--first", "Front=dev.xraytracing.local.handlers.FrontHandler",
                "--second", "Back=dev.xraytracing.local.handlers.BackHandler", "--faults", rules.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(output()).isEqualTo("xray-tracing-local: " + rules + " is not JSON: Unexpected character ('}' "
                + "(code 125)): expected a valid value (JSON String, Number, Array, Object or token 'null', 'true' or "
                + "'false') (line 2, column 12)" + System.lineSeparator());
    }

    @Test
    void an_experiment_with_an_unknown_mode_stops_before_its_baseline_with_one_line() throws Exception {
        Path experiment = Files.writeString(dir.resolve("experiment.json"), "{\"requests\": 2, \"rules\": "
                + "\"handler=stauts:503\"}");

        int exit = LocalRun.run(out, "--first", "Front=dev.xraytracing.local.handlers.FrontHandler",
                "--second", "Back=dev.xraytracing.local.handlers.BackHandler", "--experiment", experiment.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(output()).isEqualTo("xray-tracing-local: compact rule 1 of " + experiment + " is invalid: entry "
                + "'handler=stauts:503': unknown mode stauts (latency, exception, status, http, timeout)"
                + System.lineSeparator());
    }

    @Test
    void faults_and_experiment_do_not_combine_and_a_missing_file_is_named() throws Exception {
        Path file = Files.writeString(dir.resolve("f.json"), "[]");
        assertThat(LocalRun.run(out, "--faults", file.toString(), "--experiment", file.toString())).isEqualTo(2);
        assertThat(output()).startsWith("xray-tracing-local: --faults and --experiment do not combine");

        bytes.reset();
        assertThat(LocalRun.run(out, "--faults", dir.resolve("missing.json").toString())).isEqualTo(2);
        assertThat(output()).startsWith("xray-tracing-local: --faults names " + dir.resolve("missing.json")
                + ", which is not a readable file");
    }
}
