package dev.xraytracing.local.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.xraytracing.local.app.Tolerance;
import dev.xraytracing.local.internal.explore.ExplorationReport;
import dev.xraytracing.local.internal.explore.ExplorationRun;
import dev.xraytracing.local.internal.explore.FaultExplorer;
import dev.xraytracing.local.internal.explore.FaultPoint;
import dev.xraytracing.local.internal.explore.Hypothesis;
import dev.xraytracing.local.internal.explore.Injection;
import dev.xraytracing.trace.RecordedTrace;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exploration's matrix above the console, in headless Chromium: a cell shows its verdict and status, and a click
 * on it opens its run's trace below. Skips, saying so, only where Chromium or its driver is not installed.
 */
class ExplorationMatrixInBrowserTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dir;
    static Browser browser;
    static List<RecordedTrace> traces;

    @BeforeAll
    static void open() {
        assumeTrue(Browser.MISSING.isEmpty(), Browser.MISSING.orElse(""));
        List<String> documents = SampleRun.documents();
        TraceReport report = TraceReport.of(documents);
        traces = report.traces();
        FaultPoint invoke = FaultPoint.sdk("MyFirstLambda", "Lambda", "Invoke");
        Injection throttle = new Injection(invoke, "throttle", JSON.createObjectNode().put("target", invoke.target())
                .put("mode", "status").put("status", 429), null);
        Injection slow = new Injection(invoke, "slow", JSON.createObjectNode().put("target", invoke.target())
                .put("mode", "latency").put("latencyMs", 1000), null);
        ExplorationRun failed = new ExplorationRun(List.of(throttle), 502, "", 120, Tolerance.FAILED,
                "answered 502, not 2xx", "## handleRequest in MyFirstLambda", traces.get(0).traceId(), List.of(traces.get(0)),
                List.of(), "a", null, List.of());
        ExplorationRun tolerated = new ExplorationRun(List.of(slow), 200, "", 1_120, Tolerance.TOLERATED, null, null,
                traces.get(1).traceId(), List.of(traces.get(1)), List.of(), "b", null, List.of());
        FaultExplorer.Result result = new FaultExplorer.Result(new Hypothesis("2xx", 30_000, null, null, List.of()),
                true, List.of(), List.of(invoke), List.of(throttle, slow), List.of(200), List.of(), documents,
                List.of(failed, tolerated), 0, 0, 0, 0, null, 12.5, 7);
        Path html = report.writeHtml(dir.resolve("exploration.html"), "xray-tracing local exploration",
                new ExplorationReport(result, "examples").htmlSection());
        browser = Browser.open(html.toUri().toString(), 1400, 1200);
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void each_cell_shows_its_verdict_and_a_click_opens_its_trace() throws Exception {
        assertThat(browser.text("document.querySelector('#exploration').innerText"))
                .contains("Fault exploration", "MyFirstLambda sdk:Lambda.Invoke", "failed 502", "tolerated 200");
        browser.click("#exploration td.failed a");
        browser.waitFor("document.body.getAttribute('data-trace') === '" + traces.get(0).traceId() + "'");
        browser.click("#exploration td.tolerated a");
        browser.waitFor("document.body.getAttribute('data-trace') === '" + traces.get(1).traceId() + "'");
        browser.screenshot(HtmlReportInBrowserTest.SCREENSHOTS.resolve("exploration-matrix.png"));
    }
}
