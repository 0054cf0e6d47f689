package dev.xraytracing.local.internal.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xraytracing.local.internal.experiment.HandBuiltTraces.Request;
import java.util.List;
import org.junit.jupiter.api.Test;

class PhaseFiguresTest {
    @Test
    void success_rate_counts_answers_below_400_and_latency_is_the_clients() {
        Phase phase = HandBuiltTraces.phase(List.of(new RequestOutcome(200, 10, null),
                new RequestOutcome(302, 20, null), new RequestOutcome(404, 30, null),
                new RequestOutcome(502, 400, null)), List.of());

        PhaseFigures figures = PhaseFigures.of(phase);

        assertThat(figures.succeeded()).isEqualTo(2);
        assertThat(figures.successRate()).isEqualTo(0.5);
        assertThat(figures.p50()).isEqualTo(20);
        assertThat(figures.p95()).isEqualTo(400);
        assertThat(figures.p99()).isEqualTo(400);
    }

    @Test
    void attempts_per_call_are_the_retries_plus_one_of_the_functions_sdk_calls_only() {
        Request once = new Request(1, 0);
        Request throttled = new Request(2, 3).throttledByRule("throttle-invoke");
        Phase phase = HandBuiltTraces.phase(List.of(new RequestOutcome(200, 1, once.traceId),
                new RequestOutcome(502, 1, throttled.traceId)), List.of(once, throttled));

        PhaseFigures figures = PhaseFigures.of(phase);

        // The API stage's own Lambda call (in its segment) is the platform's, not an SDK call of a function.
        assertThat(figures.sdkCalls()).containsOnlyKeys("Lambda.Invoke");
        PhaseFigures.SdkCalls invoke = figures.sdkCalls().get("Lambda.Invoke");
        assertThat(invoke.calls()).isEqualTo(2);
        assertThat(invoke.attempts()).isEqualTo(5);
        assertThat(invoke.maxAttempts()).isEqualTo(4);
        assertThat(invoke.attemptsPerCall()).isEqualTo(2.5);
    }

    @Test
    void failed_entities_are_counted_by_their_waterfall_label() {
        Request throttled = new Request(1, 1).throttledByRule("r");
        Request alsoThrottled = new Request(2, 1).throttledByRule("r");
        Phase phase = HandBuiltTraces.phase(List.of(), List.of(throttled, alsoThrottled));

        PhaseFigures figures = PhaseFigures.of(phase);

        assertThat(figures.failedEntities())
                .containsEntry("api/prod [AWS::ApiGateway::Stage]", 2)
                .containsEntry("Lambda [aws]", 4)
                .containsEntry("Front [AWS::Lambda::Function]", 2)
                .containsEntry("CallSecondLambda", 2)
                .containsEntry("Invocation", 2)
                .containsEntry("Attempt 1", 2)
                .containsEntry("Attempt 2", 2)
                .containsEntry("## handleRequest", 2)
                .hasSize(8);
    }

    @Test
    void the_report_puts_both_phases_side_by_side() {
        Request ok = new Request(1, 0);
        Request throttled = new Request(2, 3).throttledByRule("r");
        Phase baseline = new Phase("baseline", List.of(new RequestOutcome(200, 12, ok.traceId)), ok.documents(),
                HandBuiltTraces.phase(List.of(), List.of(ok)).traces(), List.of());
        Phase faulted = new Phase("faulted", List.of(new RequestOutcome(502, 1500, throttled.traceId)),
                throttled.documents(), HandBuiltTraces.phase(List.of(), List.of(throttled)).traces(), List.of());

        ExperimentReport report = ExperimentReport.of(new ExperimentRunner.Result(baseline, faulted));

        assertThat(report.text())
                .containsPattern("success rate +100 % \\(1/1\\) +0 % \\(0/1\\)")
                .containsPattern("latency p50 +12 ms +1500 ms")
                .containsPattern("  Lambda\\.Invoke +1\\.00 \\(1 call, max 1\\) +4\\.00 \\(1 call, max 4\\)")
                .containsPattern("  CallSecondLambda +0 +1")
                .contains("every failure of the faulted phase is explained by an injected fault (1 failed request, ");
        assertThat(report.htmlSection()).contains("<td>Lambda.Invoke</td><td>1.00 (1 call, max 1)</td>")
                .contains(ok.traceId).contains(throttled.traceId);
    }
}
