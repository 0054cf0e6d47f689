package dev.xraytracing.local.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.xraytracing.trace.RecordedTrace;
import dev.xraytracing.trace.Timeline;
import dev.xraytracing.trace.Waterfall;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The terminal waterfall and the console draw the same timeline rows, with the same markers. */
class ViewsShareOneTimelineTest {
    final TraceReport report = TraceReport.of(SampleRun.documents());

    @Test
    void both_views_show_every_row_with_the_markers_of_the_timeline() throws Exception {
        List<String> expected = new ArrayList<>();
        List<String> inWaterfalls = new ArrayList<>();
        for (RecordedTrace trace : report.traces()) {
            for (Timeline.Row row : trace.timeline().rows()) {
                expected.add(String.join(" ", row.markers()));
            }
            Waterfall.render(trace).lines().filter(line -> line.contains("|"))
                    .forEach(line -> inWaterfalls.add(line.substring(line.lastIndexOf('|') + 1).trim()));
        }
        List<String> inConsole = new ArrayList<>();
        JsonNode data = new ObjectMapper().readTree(HtmlReport.data(report.traces()));
        for (JsonNode trace : data.get("traces")) {
            assertThat(trace.get("rows")).hasSameSizeAs(trace.get("entities"));
            trace.get("rows").forEach(row -> inConsole.add(row.get(5).asText()));
        }

        assertThat(expected).isNotEmpty().anyMatch(markers -> markers.contains("FAULT"));
        assertThat(inWaterfalls).isEqualTo(expected);
        assertThat(inConsole).isEqualTo(expected);
    }

    @Test
    void the_page_is_self_contained_and_its_data_cannot_close_the_script() {
        String html = report.html("a </script> title");

        assertThat(html).doesNotContain("src=\"http").doesNotContain("href=\"http").doesNotContain("@import")
                .contains("var XRayFilter").contains("a &lt;/script&gt; title");
        assertThat(HtmlReport.data(report.traces())).doesNotContain("<");
    }
}
