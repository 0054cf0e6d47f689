package dev.xraytracing.testing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Two runs compared by the place of each entity: what differs from run to run is ignored, anything else is caught. */
class BackendComparisonTest {
    private static final String XRAY_SEGMENT = "{\"name\":\"orders\",\"id\":\"70de5b6f19ff9a0a\","
            + "\"trace_id\":\"1-5f84c7a1-0123456789abcdef01234567\",\"start_time\":1.0,\"end_time\":2.0,"
            + "\"origin\":\"AWS::Lambda::Function\",\"aws\":{\"request_id\":\"run-1\"},\"subsegments\":["
            + "{\"name\":\"Charge\",\"id\":\"70de5b6f19ff9a0b\",\"start_time\":1.1,\"end_time\":1.2,"
            + "\"annotations\":{\"OrderId\":42},\"fault\":true},"
            + "{\"name\":\"Charge\",\"id\":\"70de5b6f19ff9a0c\",\"start_time\":1.3,\"end_time\":1.4}]}";
    /** The same trace from another run: other ids, times and request id; a metadata entry the spans add. */
    private static final String OTEL_SEGMENT = "{\"name\":\"orders\",\"id\":\"80de5b6f19ff9a0a\","
            + "\"trace_id\":\"1-5f84c7b2-0123456789abcdef01234599\",\"start_time\":7.0,\"end_time\":9.0,"
            + "\"origin\":\"AWS::Lambda::Function\",\"aws\":{\"request_id\":\"run-2\"},"
            + "\"metadata\":{\"default\":{\"otel.resource.service.name\":\"orders\"}},\"subsegments\":["
            + "{\"name\":\"Charge\",\"id\":\"80de5b6f19ff9a0b\",\"start_time\":7.1,\"end_time\":7.5,"
            + "\"annotations\":{\"OrderId\":42},\"fault\":true},"
            + "{\"name\":\"Charge\",\"id\":\"80de5b6f19ff9a0c\",\"start_time\":7.6,\"end_time\":7.7}]}";

    @Test
    void twoRunsOfTheSameTraceMatchThoughIdsTimesAndRequestIdsDiffer() {
        SegmentDocumentSchema.assertValid(List.of(XRAY_SEGMENT, OTEL_SEGMENT));

        assertThatCode(() -> BackendComparison.assertSameTraceAcrossRuns(List.of(XRAY_SEGMENT), List.of(OTEL_SEGMENT)))
                .doesNotThrowAnyException();
    }

    @Test
    void aFlagMissingOnTheSecondOfTwoSameNamedSiblingsIsNamedByItsPlace() {
        String changed = OTEL_SEGMENT.replace("\"start_time\":7.1,\"end_time\":7.5,"
                + "\"annotations\":{\"OrderId\":42},\"fault\":true", "\"start_time\":7.1,\"end_time\":7.5,"
                + "\"annotations\":{\"OrderId\":42}");

        assertThatThrownBy(() -> BackendComparison.assertSameTraceAcrossRuns(List.of(XRAY_SEGMENT),
                List.of(changed))).isInstanceOf(AssertionError.class)
                .hasMessageContaining("trace 1: orders / Charge: fault");
    }

    @Test
    void anEntityMissingOrRenamedIsADifferentTree() {
        String renamed = OTEL_SEGMENT.replace("\"name\":\"Charge\",\"id\":\"80de5b6f19ff9a0c\"",
                "\"name\":\"Refund\",\"id\":\"80de5b6f19ff9a0c\"");

        assertThatThrownBy(() -> BackendComparison.assertSameTraceAcrossRuns(List.of(XRAY_SEGMENT),
                List.of(renamed))).isInstanceOf(AssertionError.class).hasMessageContaining("the same tree")
                .hasMessageContaining("orders / Charge#2");
    }

    @Test
    void oneRunSeenThroughBothBackendsMustKeepItsIdsAndTimes() {
        assertThatThrownBy(() -> BackendComparison.assertSameTrace(List.of(XRAY_SEGMENT), List.of(OTEL_SEGMENT)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("the same entities, by id");
    }
}
