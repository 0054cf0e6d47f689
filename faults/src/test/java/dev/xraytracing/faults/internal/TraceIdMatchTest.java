package dev.xraytracing.faults.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * A rule scoped to one request by its trace: the match names the trace root, which every function the request
 * reaches shares, so the rule hits that request's invocations and no other traffic.
 */
class TraceIdMatchTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ROOT = "1-5f3a1b2c-0123456789abcdef01234567";

    private static EventMatch match(String json) throws Exception {
        return EventMatch.of(JSON.readTree(json));
    }

    @Test
    void aTraceIdMatchAppliesToThatTraceOnlyWhateverTheEvent() throws Exception {
        EventMatch match = match("{\"traceId\": \"" + ROOT + "\"}");
        assertThat(match.matches(null, ROOT)).isTrue();
        assertThat(match.matches(JSON.readTree("{\"message\": \"Hello from Lambda 1\"}"), ROOT)).isTrue();
        assertThat(match.matches(null, "1-5f3a1b2c-99999999999999999999999")).isFalse();
        assertThat(match.matches(null, null)).isFalse();
        assertThat(match.readsEvent()).isFalse();
        assertThat(match.describe()).isEqualTo("traceId equals " + ROOT);
    }

    @Test
    void anSqsBatchWhoseRecordCarriesTheTracedProducersHeaderIsInThatTracesScope() throws Exception {
        EventMatch match = match("{\"traceId\": \"" + ROOT + "\"}");
        String consumerRoot = "1-5f3a1b2d-99999999999999999999999a";
        String linked = "{\"Records\": [{\"body\": \"{}\", \"attributes\": {\"AWSTraceHeader\": \"Root=" + ROOT
                + ";Parent=53995c3f42cd8ad8;Sampled=1\"}}]}";
        String other = linked.replace(ROOT, "1-5f3a1b2c-99999999999999999999999");

        assertThat(match.matches(JSON.readTree(linked), consumerRoot)).isTrue();
        assertThat(match.matches(JSON.readTree(other), consumerRoot)).isFalse();
        assertThat(match.matchesTrace(consumerRoot, LinkedTraces.rootsIn(JSON.readTree(linked)))).isTrue();
        assertThat(LinkedTraces.rootsIn(JSON.readTree("{\"records\": [{\"attributes\": {\"AWSTraceHeader\": \"Root="
                + ROOT + "\"}}]}"))).as("SQSEvent as Jackson writes it").containsExactly(ROOT);
        assertThat(LinkedTraces.rootsIn(JSON.readTree("{\"message\": \"hi\"}"))).isEmpty();
    }

    @Test
    void aTraceIdMatchStandsAloneAndNamesATraceRoot() {
        assertThatThrownBy(() -> match("{\"traceId\": \"" + ROOT + "\", \"path\": \"$.a\", \"exists\": true}"))
                .hasMessageContaining("stands alone");
        assertThatThrownBy(() -> match("{\"traceId\": \"abc\"}")).hasMessageContaining("trace root");
    }

    @Test
    void theRootIsReadFromTheTraceHeaderTheRuntimeHandsOver() {
        assertThat(InvocationTrace.rootOfHeader("Root=" + ROOT + ";Parent=53995c3f42cd8ad8;Sampled=1"))
                .isEqualTo(ROOT);
        assertThat(InvocationTrace.rootOfHeader("Parent=53995c3f42cd8ad8")).isNull();
        assertThat(InvocationTrace.rootOfHeader(null)).isNull();
    }

    @Test
    void anEventMatchStillReadsTheEvent() throws Exception {
        EventMatch match = match("{\"path\": \"$.headers.x-chaos\", \"equals\": \"on\"}");
        assertThat(match.matches(JSON.readTree("{\"headers\": {\"x-chaos\": \"on\"}}"), ROOT)).isTrue();
        assertThat(match.matches(null, ROOT)).isFalse();
        assertThat(match.readsEvent()).isTrue();
    }
}
