package dev.xraytracing.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** What a run says about itself: the report's title and the closing tally. */
class RunSummaryTest {

    @Test
    void the_title_names_the_template_as_given_not_its_file_name_alone() {
        assertThat(LocalRun.title("run", Path.of("examples", "template.yaml")))
                .isEqualTo("xray-tracing local run: examples/template.yaml");
        assertThat(LocalRun.title("experiment", Path.of("template.yaml")))
                .isEqualTo("xray-tracing local experiment: template.yaml");
    }

    @Test
    void the_tally_counts_one_document_and_one_trace_in_the_singular() {
        assertThat(LocalRun.tally(1, 1, 0.44)).isEqualTo("1 segment document, 1 trace, 0.4 s");
        assertThat(LocalRun.tally(5, 2, 1.0)).isEqualTo("5 segment documents, 2 traces, 1.0 s");
    }
}
