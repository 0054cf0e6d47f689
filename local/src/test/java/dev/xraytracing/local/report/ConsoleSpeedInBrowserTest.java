package dev.xraytracing.local.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How fast the console opens and filters 500 traces of 50 entities each in headless Chromium. Prints the figures
 * (docs/benchmarks.md records them); asserts only that the page worked, never a time.
 */
class ConsoleSpeedInBrowserTest {
    static final int TRACES = 500;
    static final int ENTITIES = 50;

    @TempDir
    Path dir;

    @Test
    void five_hundred_traces_of_fifty_entities_open_and_filter() throws Exception {
        assumeTrue(Browser.MISSING.isEmpty(), Browser.MISSING.orElse(""));
        TraceReport report = TraceReport.of(documents());
        assertThat(report.traces()).hasSize(TRACES).allSatisfy(t -> assertThat(t.entities()).hasSize(ENTITIES));
        Path html = report.writeHtml(dir.resolve("big.html"), "500 traces");

        try (Browser browser = Browser.open(html.toUri().toString(), 1400, 900)) {
            double ready = browser.eval("Number(document.body.getAttribute('data-ready-ms'))").asDouble();
            double script = browser.eval("Number(document.body.getAttribute('data-script-ms'))").asDouble();
            StringBuilder figures = new StringBuilder(String.format(Locale.ROOT,
                    "console, %d traces x %d entities (%d KiB page): open %.0f ms from navigation start (script %.0f ms)%n",
                    TRACES, ENTITIES, Files.size(html) / 1024, ready, script));
            for (String expression : List.of("fault", "annotation.customer = \"c7\"",
                    "service(\"Worker\") { responsetime > 0.04 } AND http.method = \"GET\"",
                    "edge(\"api/prod\", \"Worker\") { error OR fault } OR !ok")) {
                double millis = browser.eval("(function(){var box=document.getElementById('filter');"
                        + "var t0=performance.now();box.value=" + json(expression) + ";"
                        + "box.dispatchEvent(new Event('input'));var shown=document.body.getAttribute('data-filtered');"
                        + "return performance.now()-t0;})()").asDouble();
                String shown = browser.text("document.body.getAttribute('data-filtered')");
                assertThat(shown).isNotEqualTo("error");
                figures.append(String.format(Locale.ROOT, "  filter %-70s %5.0f ms, %s traces%n", expression, millis,
                        shown));
            }
            System.out.print(figures);
        }
    }

    private static String json(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /** Per trace: API Gateway, a Worker function with 47 subsegments (SDK calls, annotations), 1 in 10 faulting. */
    static List<String> documents() {
        List<String> documents = new ArrayList<>();
        for (int t = 0; t < TRACES; t++) {
            String traceId = String.format(Locale.ROOT, "1-6b08c%03x-%024x", t, t);
            double start = 1_795_735_000 + t;
            int status = t % 10 == 0 ? 502 : t % 25 == 1 ? 429 : 200;
            String api = id(t, 0);
            String call = id(t, 1);
            documents.add(String.format(Locale.ROOT, "{\"name\":\"api/prod\",\"id\":\"%s\",\"trace_id\":\"%s\","
                    + "\"start_time\":%.6f,\"end_time\":%.6f,\"origin\":\"AWS::ApiGateway::Stage\"%s,"
                    + "\"http\":{\"request\":{\"method\":\"%s\",\"url\":\"https://example.test/prod/item/%d\"},"
                    + "\"response\":{\"status\":%d}},\"subsegments\":[{\"name\":\"Lambda\",\"id\":\"%s\","
                    + "\"start_time\":%.6f,\"end_time\":%.6f,\"namespace\":\"aws\",\"aws\":{\"operation\":\"Invoke\","
                    + "\"function_name\":\"Worker\"}}]}", api, traceId, start, start + 0.06,
                    status == 502 ? ",\"fault\":true" : status == 429 ? ",\"error\":true,\"throttle\":true" : "",
                    t % 3 == 0 ? "POST" : "GET", t, status, call, start + 0.001, start + 0.059));
            StringBuilder subsegments = new StringBuilder();
            for (int s = 3; s < ENTITIES; s++) {
                double from = start + 0.002 + s * 0.001;
                subsegments.append(s == 3 ? "" : ",").append(String.format(Locale.ROOT,
                        "{\"name\":\"%s\",\"id\":\"%s\",\"start_time\":%.6f,\"end_time\":%.6f%s}",
                        s % 2 == 0 ? "DynamoDB" : "Step" + s, id(t, s), from, from + 0.0008,
                        s % 2 == 0 ? ",\"namespace\":\"aws\",\"aws\":{\"operation\":\"GetItem\",\"table_name\":\"items\"}"
                                : ",\"annotations\":{\"customer\":\"c" + (t % 50) + "\",\"step\":" + s + "}"));
            }
            documents.add(String.format(Locale.ROOT, "{\"name\":\"Worker\",\"id\":\"%s\",\"trace_id\":\"%s\","
                    + "\"parent_id\":\"%s\",\"start_time\":%.6f,\"end_time\":%.6f,\"origin\":\"AWS::Lambda::Function\""
                    + "%s,\"subsegments\":[%s]}", id(t, 2), traceId, call, start + 0.002, start + 0.058,
                    status == 502 ? ",\"fault\":true" : "", subsegments));
        }
        return documents;
    }

    private static String id(int trace, int entity) {
        return String.format(Locale.ROOT, "%08x%08x", trace, entity);
    }
}
