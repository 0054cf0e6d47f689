package dev.xraytracing.local.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xraytracing.trace.RecordedTrace;
import dev.xraytracing.trace.Timeline;
import dev.xraytracing.trace.Waterfall;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The terminal waterfall and the HTML report draw the same timeline rows, in the same order, with the same flags. */
class ViewsShareOneTimelineTest {
    private static final Pattern HTML_STATUS = Pattern.compile("</div></td><td>([^<]*)</td></tr>");

    final TraceReport report = TraceReport.of(SampleRun.documents());

    @Test
    void both_views_show_every_row_with_the_markers_of_the_timeline() {
        List<String> expected = new ArrayList<>();
        List<String> inWaterfalls = new ArrayList<>();
        for (RecordedTrace trace : report.traces()) {
            for (Timeline.Row row : trace.timeline().rows()) {
                expected.add(String.join(" ", row.markers()));
            }
            Waterfall.render(trace).lines().filter(line -> line.contains("|"))
                    .forEach(line -> inWaterfalls.add(line.substring(line.lastIndexOf('|') + 1).trim()));
        }
        List<String> inHtml = new ArrayList<>();
        Matcher cells = HTML_STATUS.matcher(report.html("sample run"));
        while (cells.find()) {
            inHtml.add(cells.group(1));
        }

        assertThat(expected).isNotEmpty().anyMatch(markers -> markers.contains("FAULT"));
        assertThat(inWaterfalls).isEqualTo(expected);
        assertThat(inHtml).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(inHtml.get(i)).as("row %s", i).startsWith(expected.get(i));
        }
    }
}
