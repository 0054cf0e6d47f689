package dev.xraytracing.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A trace the engine cannot evaluate is reported, as a parse error is, never quietly left out of the selection. */
class EvaluationErrorTest {

    @Test
    void an_evaluation_error_throws_naming_the_trace_instead_of_matching_nothing() {
        FilterExpression expression = FilterExpression.parse("ok");
        String traces = "[{\"id\":\"1-00000001-000000000000000000000001\",\"entities\":[]},"
                + "{\"id\":\"1-00000009-000000000000000000000009\",\"entities\":null}]";

        assertThatThrownBy(() -> expression.selectIndexes(traces))
                .isInstanceOfSatisfying(FilterEvaluationException.class, e -> {
                    assertThat(e.traceId()).isEqualTo("1-00000009-000000000000000000000009");
                    assertThat(e.expression()).isEqualTo("ok");
                })
                .hasMessage("filter expression ok could not be evaluated: cannot evaluate the expression on trace "
                        + "1-00000009-000000000000000000000009: trace 1-00000009-000000000000000000000009 has no list "
                        + "of entities");
    }

    @Test
    void traces_the_engine_reads_evaluate_without_error() {
        assertThat(FilterExpression.parse("ok OR !ok").select(SampleTraces.all())).hasSize(3);
    }
}
