package dev.xraytracing.local.internal.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xraytracing.internal.TraceHeader;
import org.junit.jupiter.api.Test;

/** The Lambda service samples as the function's Tracing setting says when no caller decided. */
class LambdaSamplingTest {
    static final String ROOT = "1-5759e988-bd862e3fe1be46a994272793";

    @Test
    void active_tracing_samples_when_no_header_arrives_and_pass_through_does_not() {
        assertThat(LambdaService.sampling(null, true).isSampled()).isTrue();
        assertThat(LambdaService.sampling(null, false).isSampled()).isFalse();
    }

    @Test
    void a_header_without_a_decision_is_decided_by_the_function_and_keeps_its_root() {
        TraceHeader active = LambdaService.sampling("Root=" + ROOT, true);
        TraceHeader passThrough = LambdaService.sampling("Root=" + ROOT + ";Parent=53995c3f42cd8ad8", false);

        assertThat(active.isSampled()).isTrue();
        assertThat(active.root()).isEqualTo(ROOT);
        assertThat(passThrough.isSampled()).isFalse();
        assertThat(passThrough.parent()).isEqualTo("53995c3f42cd8ad8");
    }

    @Test
    void the_callers_decision_is_kept_either_way() {
        assertThat(LambdaService.sampling("Root=" + ROOT + ";Sampled=1", false).isSampled()).isTrue();
        assertThat(LambdaService.sampling("Root=" + ROOT + ";Sampled=0", true).isSampled()).isFalse();
    }

    @Test
    void a_repeated_sampled_key_is_read_by_its_last_value_as_core_reads_it() {
        assertThat(LambdaService.sampling("Root=" + ROOT + ";Sampled=1;Sampled=?", false).isSampled()).isFalse();
        assertThat(LambdaService.sampling("Root=" + ROOT + ";Sampled=0;Sampled=1", false).isSampled()).isTrue();
        assertThat(LambdaService.sampling("Root=" + ROOT + ";sampled=1", false).isSampled())
                .as("a lower-case key is another field, so no caller decided").isFalse();
    }
}
