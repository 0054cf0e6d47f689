package dev.xraytracing.local.internal.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xraytracing.local.internal.experiment.HandBuiltTraces.Request;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailureCheckTest {
    @Test
    void failures_above_below_and_at_the_injection_point_and_the_functions_invocation_are_explained() {
        Request throttled = new Request(1, 2).throttledByRule("throttle-invoke");
        Phase phase = HandBuiltTraces.phase(List.of(new RequestOutcome(502, 1, throttled.traceId)),
                List.of(throttled));

        FailureCheck check = FailureCheck.of(phase);

        // the request, and stage, stage call, function, Invocation, handler, block, invoke, 3 attempts
        assertThat(check.failedRequests()).isEqualTo(1);
        assertThat(check.failedEntities()).isEqualTo(10);
        assertThat(check.failures()).isEqualTo(11);
        assertThat(check.unexplained()).isEmpty();
        assertThat(check.allExplained()).isTrue();
    }

    @Test
    void a_failure_beside_the_injected_one_is_not_explained() {
        Request throttled = new Request(1, 0).throttledByRule("throttle-invoke");
        HandBuiltTraces.fault(HandBuiltTraces.child(throttled.handler, "ReadConfig"));
        Phase phase = HandBuiltTraces.phase(List.of(new RequestOutcome(502, 1, throttled.traceId)),
                List.of(throttled));

        FailureCheck check = FailureCheck.of(phase);

        assertThat(check.unexplained()).containsExactly("ReadConfig failed in trace " + throttled.traceId
                + " with no injected fault on its path");
    }

    @Test
    void the_handlers_own_mark_without_a_rule_is_no_injection_point() {
        Request request = new Request(1, 0);
        request.handler.putObject("annotations").put("FaultInjected", true);
        HandBuiltTraces.fault(request.block);
        HandBuiltTraces.fault(request.handler);
        Phase phase = HandBuiltTraces.phase(List.of(new RequestOutcome(502, 1, request.traceId)), List.of(request));

        FailureCheck check = FailureCheck.of(phase);

        assertThat(check.unexplained()).contains("request 1 answered 502: its trace " + request.traceId
                + " holds no injected fault", "CallSecondLambda failed in trace " + request.traceId
                + " with no injected fault on its path");
    }

    @Test
    void a_failed_request_without_a_trace_is_not_explained_and_successes_need_no_explanation() {
        Request ok = new Request(1, 0);
        Phase phase = HandBuiltTraces.phase(List.of(new RequestOutcome(200, 1, ok.traceId),
                new RequestOutcome(503, 1, null), new RequestOutcome(500, 1, HandBuiltTraces.traceId(99))),
                List.of(ok));

        FailureCheck check = FailureCheck.of(phase);

        assertThat(check.failures()).isEqualTo(2);
        assertThat(check.unexplained()).containsExactly("request 2 answered 503 and left no trace to explain it",
                "request 3 answered 500 and left no trace to explain it");
    }

    @Test
    void a_phase_without_failures_has_nothing_to_explain() {
        Request ok = new Request(1, 0);
        FailureCheck check = FailureCheck.of(HandBuiltTraces.phase(List.of(new RequestOutcome(200, 1, ok.traceId)),
                List.of(ok)));
        assertThat(check.failures()).isZero();
        assertThat(check.allExplained()).isTrue();
    }
}
