package dev.xraytracing.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The terminal waterfall: a header names the columns, and no name is ever cut. */
class WaterfallTest {
    private static final String LONG_NAME = "MySecondLambdaWithAVeryLongNameThatGoesOnAndOnAndOn";

    @Test
    void a_header_line_names_the_columns() {
        String waterfall = Waterfall.render(TraceDocuments.assemble(List.of(TraceDocumentsTest.FUNCTION,
                TraceDocumentsTest.CALL)).get(0));

        String header = waterfall.lines().skip(1).findFirst().orElseThrow();
        assertThat(header).startsWith("name").contains("offset", "duration", "timeline", "status");
        String row = waterfall.lines().skip(2).findFirst().orElseThrow();
        assertThat(row.indexOf(" ms ") + " ms".length()).as(header + "\n" + row).isEqualTo(header.indexOf("offset") + "offset".length());
        assertThat(header.indexOf("timeline")).isEqualTo(row.indexOf('|'));
    }

    @Test
    void a_long_name_is_shown_whole_on_its_own_line_with_its_figures_below() {
        String document = """
                {"name":"%s","id":"70de5b6f19ff9a0a","trace_id":"1-5759e988-bd862e3fe1be46a994272799",
                 "start_time":1000.0,"end_time":1000.1,"origin":"AWS::Lambda::Function"}
                """.formatted(LONG_NAME);

        String waterfall = Waterfall.render(TraceDocuments.assemble(List.of(document)).get(0));

        assertThat(waterfall).contains("■ " + LONG_NAME + " [AWS::Lambda::Function]\n").doesNotContain("…");
        assertThat(waterfall.lines().filter(line -> line.contains("|"))).singleElement()
                .satisfies(line -> assertThat(line.trim()).startsWith("0.0 ms"));
    }
}
