package dev.xraytracing.local.internal.explore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xraytracing.trace.RecordedTrace;
import dev.xraytracing.trace.TraceDocuments;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which points a rule scoped to the entry's trace reaches: the entry's own trace, and a function whose invocation
 * links to it (an SQS batch's consumer); what that consumer sets off in its own trace is scoped to the environment.
 */
class RequestScopeTest {
    private static final String ENTRY = "1-6b000000-000000000000000000000001";
    private static final String CONSUMER = "1-6b000001-000000000000000000000002";
    private static final String RUN = "1-6b000002-000000000000000000000003";

    private static String invocation(String trace, String id, String function, String links) {
        return "{\"trace_id\":\"" + trace + "\",\"id\":\"" + id + "\",\"name\":\"" + function + "\",\"origin\":"
                + "\"AWS::Lambda\",\"start_time\":1.0,\"end_time\":2.0" + links + "}";
    }

    private static String function(String trace, String id, String parent, String function) {
        return "{\"trace_id\":\"" + trace + "\",\"id\":\"" + id + "\",\"parent_id\":\"" + parent + "\",\"name\":\""
                + function + "\",\"origin\":\"AWS::Lambda::Function\",\"start_time\":1.1,\"end_time\":1.9,"
                + "\"subsegments\":[{\"id\":\"" + id.substring(0, 15) + "f\",\"name\":\"## handleRequest\","
                + "\"start_time\":1.2,\"end_time\":1.8}]}";
    }

    @Test
    void theEntrysTraceAndTheConsumerLinkedToItAreScopedWhatTheConsumerSetsOffIsNot() {
        List<RecordedTrace> traces = TraceDocuments.assemble(List.of(
                invocation(ENTRY, "a000000000000001", "PlaceOrder", ""),
                function(ENTRY, "a000000000000002", "a000000000000001", "PlaceOrder"),
                invocation(CONSUMER, "b000000000000001", "FulfilOrder",
                        ",\"links\":[{\"trace_id\":\"" + ENTRY + "\",\"id\":\"a000000000000002\"}]"),
                function(CONSUMER, "b000000000000002", "b000000000000001", "FulfilOrder"),
                invocation(CONSUMER, "c000000000000001", "NotifyShipping", ""),
                function(CONSUMER, "c000000000000002", "c000000000000001", "NotifyShipping")));
        RequestScope scope = RequestScope.of(traces, List.of(ENTRY));

        assertThat(scope.known()).isTrue();
        assertThat(scope.rootFor(FaultPoint.handler("PlaceOrder"), RUN)).isEqualTo(RUN);
        assertThat(scope.rootFor(FaultPoint.handler("FulfilOrder"), RUN)).isEqualTo(RUN);
        assertThat(scope.rootFor(FaultPoint.handler("NotifyShipping"), RUN)).isNull();
        assertThat(scope.unscoped(FaultSpace.pointsOf(traces))).extracting(FaultPoint::label)
                .containsExactly("NotifyShipping invoke", "NotifyShipping handler");
    }

    @Test
    void aMessageFromAProducerOutsideTheAppIsKnownByTheBatchThatLinksToIt() {
        List<RecordedTrace> traces = TraceDocuments.assemble(List.of(
                invocation(CONSUMER, "b000000000000001", "FulfilOrder",
                        ",\"links\":[{\"trace_id\":\"" + ENTRY + "\",\"id\":\"a000000000000002\"}]"),
                function(CONSUMER, "b000000000000002", "b000000000000001", "FulfilOrder")));
        RequestScope scope = RequestScope.of(traces, List.of(ENTRY));

        assertThat(scope.known()).isTrue();
        assertThat(scope.rootFor(FaultPoint.handler("FulfilOrder"), RUN)).isEqualTo(RUN);
    }

    @Test
    void anEntryWhoseTraceNeverArrivedScopesEverythingToTheEnvironment() {
        List<RecordedTrace> traces = TraceDocuments.assemble(List.of(
                invocation(CONSUMER, "b000000000000001", "Nightly", ""),
                function(CONSUMER, "b000000000000002", "b000000000000001", "Nightly")));
        RequestScope scope = RequestScope.of(traces, List.of(ENTRY));

        assertThat(scope.known()).isFalse();
        assertThat(scope.rootFor(FaultPoint.handler("Nightly"), RUN)).isNull();
    }
}
