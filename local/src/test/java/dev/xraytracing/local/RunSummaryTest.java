package dev.xraytracing.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** What a run says about itself: the report's title and the closing tally. */
class RunSummaryTest {

    @Test
    void the_title_names_the_template_as_given_not_its_file_name_alone() {
        assertThat(RunPlan.nameOf(Path.of("examples", "template.yaml"))).isEqualTo("examples/template.yaml");
        assertThat(RunPlan.nameOf(Path.of("template.yaml"))).isEqualTo("template.yaml");
    }

    @Test
    void the_tally_counts_one_document_and_one_trace_in_the_singular() {
        assertThat(RunReport.tally(1, 1, 0.44)).isEqualTo("1 segment document, 1 trace, 0.4 s");
        assertThat(RunReport.tally(5, 2, 1.0)).isEqualTo("5 segment documents, 2 traces, 1.0 s");
    }
}
