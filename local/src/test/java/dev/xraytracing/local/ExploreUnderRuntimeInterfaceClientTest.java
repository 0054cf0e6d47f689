package dev.xraytracing.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code LocalRun --explore FILE --budget 4} on MyFirstLambda's shape: the baseline, the first four single faults (the
 * budget stops the rest and says so), the matrix on stdout, the JSON report and the HTML matrix whose cells open their
 * traces.
 */
@EnabledOnOs(value = OS.LINUX, disabledReason = "the runtime interface client ships its native library for Linux only")
class ExploreUnderRuntimeInterfaceClientTest {
    @TempDir
    static Path dir;
    static String output;
    static int exit;
    static JsonNode json;

    @BeforeAll
    static void explore() throws Exception {
        Path file = Files.writeString(dir.resolve("explore.json"),
                "{\"hypothesis\": {\"status\": \"2xx\", \"latencyMs\": 60000}, \"baselineRequests\": 2, \"seed\": 11}");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        exit = LocalRun.run(new PrintStream(bytes, true, StandardCharsets.UTF_8),
                "--runtime", "ric", "--quiet", "--html", dir.resolve("report.html").toString(),
                "--first", "Front=dev.xraytracing.local.handlers.TracedFrontHandler",
                "--second", "Back=dev.xraytracing.local.handlers.BackHandler",
                "--env", "Back:WORK_MILLIS=20", "--explore", file.toString(), "--budget", "4",
                "--report-json", dir.resolve("exploration.json").toString());
        output = bytes.toString(StandardCharsets.UTF_8);
        json = new ObjectMapper().readTree(dir.resolve("exploration.json").toFile());
    }

    @Test
    void the_baseline_and_the_budget_are_reported_and_the_run_exits_zero() {
        assertThat(exit).as(output).isZero();
        assertThat(output).contains("baseline answered [200, 200]; hypothesis: 2xx within 60000 ms; 6 fault points, "
                + "13 single faults; rules scoped to each run's trace id",
                "coverage: 4 of 13 single faults at 6 points",
                "9 not run: stopped by the budget of 4 runs");
        assertThat(output).containsPattern("Front sdk:Lambda\\.Invoke +not run +\\. +not run");
    }

    @Test
    void a_throttled_back_fails_the_request_and_the_finding_says_where_and_how_to_replay_it() {
        assertThat(output).contains("FAILED Back invoke throttle: answered 502, not 2xx; surfaced at ## handleRequest"
                + " in Front", "replay: --fault throttle --fault-on Back");
    }

    @Test
    void the_json_report_holds_every_run_with_its_trace() {
        assertThat(json.path("hypothesis").asText()).isEqualTo("2xx within 60000 ms");
        assertThat(json.path("seed").asLong()).isEqualTo(11);
        assertThat(json.path("runs")).hasSize(4).allSatisfy(run -> {
            assertThat(run.path("traceId").asText()).startsWith("1-");
            assertThat(run.path("verdict").asText()).isIn("tolerated", "degraded", "failed");
        });
        assertThat(json.path("coverage").path("notRun").asInt()).isEqualTo(9);
        assertThat(json.path("coverage").path("stoppedBy").asText()).isEqualTo("the budget of 4 runs");
    }

    @Test
    void the_html_matrix_links_each_cell_to_its_trace() throws Exception {
        String html = Files.readString(dir.resolve("report.html"));
        assertThat(html).contains("<section id=\"exploration\"", "exploration-matrix", "Back invoke");
        for (JsonNode run : json.path("runs")) {
            assertThat(html).contains("href=\"#trace=" + run.path("traceId").asText() + "\"");
        }
    }
}
