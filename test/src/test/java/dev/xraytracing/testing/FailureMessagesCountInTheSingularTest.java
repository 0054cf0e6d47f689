package dev.xraytracing.testing;

import static dev.xraytracing.testing.TracingAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xraytracing.trace.RecordedTrace;
import dev.xraytracing.trace.TraceDocuments;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A count of one reads "1 trace", "1 entity", "1 child", "1 does", never "1 traces". */
class FailureMessagesCountInTheSingularTest {
    private static final String FAULTY = "{\"name\":\"orders\",\"id\":\"aaaaaaaaaaaaaaaa\","
            + "\"trace_id\":\"1-5759e988-bd862e3fe1be46a994272793\",\"start_time\":1000.000,\"end_time\":1000.100,"
            + "\"fault\":true,\"subsegments\":[{\"name\":\"Save\",\"id\":\"cccccccccccccccc\","
            + "\"start_time\":1000.010,\"end_time\":1000.090}]}";
    private static final String OK = FAULTY.replace("\"fault\":true,", "").replace("5759e988", "5759e989");

    private final List<RecordedTrace> traces = TraceDocuments.assemble(List.of(FAULTY, OK));

    @Test
    void aSelectionOfOneTraceReadsInTheSingular() {
        assertThatThrownBy(() -> assertThat(traces).matching("fault").hasSize(2))
                .hasMessageStartingWith("Expected 2 traces matching fault but found 1:");
        assertThatThrownBy(() -> assertThat(traces).matching("ok").hasSize(1).matching("fault").hasSize(1))
                .hasMessageStartingWith("Expected 1 trace matching fault but found 0:");
    }

    @Test
    void oneTraceThatDoesOrDoesNotMatchReadsInTheSingular() {
        assertThatThrownBy(() -> assertThat(traces).allMatch("ok"))
                .hasMessageStartingWith("Expected every one of the traces to match <ok>, but 1 does not:");
        assertThatThrownBy(() -> assertThat(traces).noneMatch("fault"))
                .hasMessageStartingWith("Expected none of the traces to match <fault>, but 1 does:");
        assertThatThrownBy(() -> assertThat(traces).noneMatch("service(\"orders\")"))
                .hasMessageStartingWith("Expected none of the traces to match <service(\"orders\")>, but 2 do:");
    }

    @Test
    void oneEntityAndOneChildReadInTheSingular() {
        assertThatThrownBy(() -> assertThat(traces.get(0)).hasEntityCount(1))
                .hasMessageStartingWith("Expected 1 entity but the trace has 2:");
        assertThatThrownBy(() -> assertThat(traces.get(0)).segment("orders").hasChildCount(2))
                .hasMessageStartingWith("Expected <orders> to have 2 children but it has 1");
        assertThatThrownBy(() -> assertThat(traces.get(0)).subsegment("Save").hasChildCount(1))
                .hasMessageStartingWith("Expected <Save> to have 1 child but it has 0");
    }
}
