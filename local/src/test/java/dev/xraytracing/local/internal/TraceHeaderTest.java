package dev.xraytracing.local.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The trace header is passed on as Lambda does: Root, Sampled and Lineage kept, a new Parent. */
class TraceHeaderTest {
    @Test
    void passing_on_keeps_root_sampling_and_lineage_and_sets_the_new_parent() {
        TraceHeader caller = TraceHeader.parse(
                "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1;Lineage=a87bd80c:1|68fd508a:5");

        assertThat(caller.withParent("0123456789abcdef").toString()).isEqualTo(
                "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=0123456789abcdef;Sampled=1;Lineage=a87bd80c:1|68fd508a:5");
    }

    @Test
    void unknown_keys_are_dropped_and_unsampled_stays_unsampled() {
        TraceHeader header = TraceHeader.parse("Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=0;Self=1-abc");

        assertThat(header.sampled()).isFalse();
        assertThat(header.toString()).isEqualTo("Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=0");
    }

    @Test
    void a_header_without_root_is_no_trace() {
        assertThat(TraceHeader.parse("Parent=53995c3f42cd8ad8;Sampled=1")).isNull();
        assertThat(TraceHeader.parse(null)).isNull();
    }

    @Test
    void new_ids_have_the_lengths_x_ray_requires() {
        assertThat(TraceHeader.newTraceId()).matches("1-[0-9a-f]{8}-[0-9a-f]{24}");
        assertThat(TraceHeader.newSegmentId()).matches("[0-9a-f]{16}");
    }

    @Test
    void function_names_are_read_from_names_and_arns_without_qualifier() {
        assertThat(LambdaService.functionName("MySecondLambda")).isEqualTo("MySecondLambda");
        assertThat(LambdaService.functionName("arn:aws:lambda:us-east-1:123456789012:function:MySecondLambda:$LATEST"))
                .isEqualTo("MySecondLambda");
        assertThat(LambdaService.functionName("123456789012:function:MySecondLambda")).isEqualTo("MySecondLambda");
    }
}
