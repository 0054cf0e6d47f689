package dev.xraytracing.local.report;

import static dev.xraytracing.testing.TracingAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xraytracing.filter.InvalidFilterExpressionException;
import dev.xraytracing.trace.RecordedTrace;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The test kit selects a run's traces with the console's filter expressions (the recorded three-request run). */
class FilterExpressionsInTestsTest {
    final List<RecordedTrace> traces = TraceReport.of(SampleRun.documents()).traces();

    @Test
    void traces_are_selected_the_way_the_console_selects_them() {
        assertThat(traces).matching("service(\"MySecondLambda\") { fault }").hasSize(1)
                .singleTrace().subsegment("CallSecondLambda").hasAnnotation("SecondLambdaError", "Unhandled");
        assertThat(traces).matching("edge(\"MyFirstLambda\", \"MySecondLambda\")").hasSize(3);
        assertThat(traces).allMatch("ok AND !partial AND http.method = \"GET\"")
                .noneMatch("service(\"MyFirstLambda\") { fault }");
        assertThat(traces).matching("annotation.workMillis = 200 AND responsetime > 2").hasSize(1);
    }

    @Test
    void the_selection_is_a_list_assert_beside_AssertJs_own_assertThat() {
        assertThat(traces).matching("ok").extracting(RecordedTrace::traceId).doesNotHaveDuplicates().hasSize(3);
        assertThat(traces.get(0).entities()).isNotEmpty(); // AssertJ's, imported beside the kit's
    }

    @Test
    void a_failed_selection_prints_the_traces_and_a_bad_expression_says_where() {
        assertThatThrownBy(() -> assertThat(traces).matching("fault").hasSize(1))
                .hasMessageContaining("Expected 1 trace matching fault but found 0");
        assertThatThrownBy(() -> assertThat(traces).noneMatch("service(\"MySecondLambda\") { fault }"))
                .hasMessageContaining("CallSecondLambda");
        assertThatThrownBy(() -> assertThat(traces).matching("service(\"MySecondLambda\") { fault"))
                .isInstanceOf(InvalidFilterExpressionException.class).hasMessageContaining("column 34");
    }
}
