package dev.xraytracing.local.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xraytracing.internal.TraceHeader;
import org.junit.jupiter.api.Test;

/** The trace header is passed on as Lambda does (Root, Sampled and Lineage kept, a new Parent); ids as X-Ray wants. */
class TraceIdsTest {
    @Test
    void passing_on_keeps_root_sampling_and_lineage_and_sets_the_new_parent() {
        TraceHeader caller = TraceIds.readIncoming(
                "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1;Lineage=a87bd80c:1|68fd508a:5");

        assertThat(caller.withParent("0123456789abcdef").toString()).isEqualTo(
                "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=0123456789abcdef;Sampled=1;Lineage=a87bd80c:1|68fd508a:5");
    }

    @Test
    void unknown_keys_are_dropped_and_unsampled_stays_unsampled() {
        TraceHeader header = TraceIds.readIncoming("Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=0;Self=1-abc");

        assertThat(header.isSampled()).isFalse();
        assertThat(header.toString()).isEqualTo("Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=0");
    }

    @Test
    void a_requested_or_missing_decision_is_ours_to_make_and_we_sample() {
        assertThat(TraceIds.readIncoming("Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=?").toString())
                .isEqualTo("Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1");
        assertThat(TraceIds.readIncoming("Root=1-5759e988-bd862e3fe1be46a994272793").isSampled()).isTrue();
    }

    @Test
    void a_header_without_root_is_no_trace() {
        assertThat(TraceIds.readIncoming("Parent=53995c3f42cd8ad8;Sampled=1")).isNull();
        assertThat(TraceIds.readIncoming(null)).isNull();
    }

    @Test
    void new_ids_have_the_lengths_x_ray_requires() {
        assertThat(TraceIds.newTraceId()).matches("1-[0-9a-f]{8}-[0-9a-f]{24}");
        assertThat(TraceIds.newSegmentId()).matches("[0-9a-f]{16}");
    }
}
