package dev.xraytracing.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The one timeline every view draws: rows depth first, placed on the trace's span, flags in one order. */
class TimelineTest {
    final RecordedTrace trace = TraceDocuments.assemble(List.of(TraceDocumentsTest.FUNCTION,
            TraceDocumentsTest.CALL)).get(0);
    final Timeline timeline = trace.timeline();

    @Test
    void rows_go_depth_first_each_parent_before_its_children_by_start_time() {
        assertThat(timeline.rows()).extracting(row -> row.entity().name() + "@" + row.depth())
                .containsExactly("orders@0", "Validate@1", "DynamoDB@1");
    }

    @Test
    void rows_are_placed_on_the_span_of_the_whole_trace() {
        Timeline.Row call = timeline.rows().get(2);

        assertThat(timeline.traceId()).isEqualTo(TraceDocumentsTest.TRACE);
        assertThat(timeline.startTime()).isEqualTo(1000.0);
        assertThat(timeline.spanMillis()).isCloseTo(100, within(1e-6));
        assertThat(call.offsetMillis()).isCloseTo(10, within(1e-6));
        assertThat(call.durationMillis()).isCloseTo(80, within(1e-6));
        assertThat(call.startFraction()).isCloseTo(0.1, within(1e-9));
        assertThat(call.endFraction()).isCloseTo(0.9, within(1e-9));
    }

    @Test
    void markers_list_fault_error_throttle_in_progress_then_the_http_status() {
        assertThat(timeline.rows()).extracting(Timeline.Row::markers).containsExactly(
                List.of("FAULT", "500"), List.of(), List.of("ERROR", "THROTTLE", "429"));
        RecordedEntity open = TraceDocuments.assemble(List.of(TraceDocumentsTest.OTHER)).get(0).roots().get(0);
        assertThat(Timeline.markers(open)).containsExactly("IN PROGRESS");
    }

    @Test
    void a_trace_of_zero_duration_still_has_a_scale() {
        Timeline instant = TraceDocuments.assemble(List.of(TraceDocumentsTest.OTHER)).get(0).timeline();

        assertThat(instant.spanMillis()).isPositive();
        assertThat(instant.rows().get(0).startFraction()).isZero();
    }

    @Test
    void the_waterfall_draws_the_timeline_rows_with_their_markers() {
        String waterfall = Waterfall.render(trace);

        assertThat(waterfall.lines().skip(1).filter(line -> line.contains("|")))
                .hasSize(timeline.rows().size())
                .satisfiesExactly(
                        line -> assertThat(line).startsWith("■ orders").endsWith("| FAULT 500"),
                        line -> assertThat(line).startsWith("  └ Validate").endsWith("|"),
                        line -> assertThat(line).startsWith("  └ DynamoDB [aws]").endsWith("| ERROR THROTTLE 429"));
    }
}
