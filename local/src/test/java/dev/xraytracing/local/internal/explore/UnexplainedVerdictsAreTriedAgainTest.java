package dev.xraytracing.local.internal.explore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xraytracing.local.app.Tolerance;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The explorer's own decisions, on scripted environments (no JVMs): a verdict that nothing on the faults' path explains
 * is tried again, most tries decide, each try's verdict is kept, the extra tries count against the budget, and a failed
 * run names what went wrong in the platform. The app is one function with one named block, {@code Work}, so the space
 * is one fault: {@code Front block:Work exception}.
 */
class UnexplainedVerdictsAreTriedAgainTest {
    private static final String FAULT = "Front block:Work exception";

    /** What one environment does: its answer's status, whether its Work block records the injected fault, problems. */
    record Script(int status, boolean faultRecorded, List<String> problems) {
        static Script ok() {
            return new Script(200, false, List.of());
        }
    }

    @Test
    void anUnexplainedFailureThatTheNextTwoTriesDoNotRepeatIsTolerated_andEveryTryIsKept() {
        Scripted environments = new Scripted(Script.ok(),
                new Script(500, false, List.of("Front timed out: Task timed out after 3.00 seconds")),
                Script.ok(), Script.ok());

        FaultExplorer.Result result = FaultExplorer.explore(environments, settings(10), line -> { });

        ExplorationRun run = result.runs().get(0);
        assertThat(run.tolerance()).isEqualTo(Tolerance.TOLERATED);
        assertThat(run.tries()).containsExactly(
                "failed: answered 500, not 2xx (Front timed out: Task timed out after 3.00 seconds)",
                "tolerated", "tolerated");
        assertThat(result.extraTries()).isEqualTo(2);
        assertThat(environments.started).isEqualTo(4);
        assertThat(new ExplorationReport(result, "t").text())
                .contains("TOLERATED " + FAULT + ": tried 3 times: failed, tolerated, tolerated; failed: answered 500,"
                        + " not 2xx (Front timed out: Task timed out after 3.00 seconds)\n")
                .contains("1 runs (and 2 more tries of unexplained verdicts)");
    }

    @Test
    void anUnexplainedFailureTheSecondTryRepeatsIsFailed_withoutAThirdTry() {
        Scripted environments = new Scripted(Script.ok(), new Script(500, false, List.of()),
                new Script(500, false, List.of()));

        ExplorationRun run = FaultExplorer.explore(environments, settings(10), line -> { }).runs().get(0);

        assertThat(run.tolerance()).isEqualTo(Tolerance.FAILED);
        assertThat(run.why()).isEqualTo("answered 500, not 2xx");
        assertThat(run.tries()).containsExactly("failed: answered 500, not 2xx", "failed: answered 500, not 2xx");
        assertThat(environments.started).isEqualTo(3);
        assertThat(Tries.summary(run)).isEqualTo("failed on each of 2 tries");
    }

    @Test
    void aFailureTheInjectedFaultExplainsIsNotTriedAgain() {
        Scripted environments = new Scripted(Script.ok(), new Script(500, true, List.of()));

        ExplorationRun run = FaultExplorer.explore(environments, settings(10), line -> { }).runs().get(0);

        assertThat(run.tolerance()).isEqualTo(Tolerance.FAILED);
        assertThat(run.surfacedAt()).isEqualTo("Front [AWS::Lambda::Function]"); // the block's fault rose to the segment
        assertThat(run.tries()).isEmpty();
        assertThat(environments.started).isEqualTo(2);
    }

    @Test
    void threeTriesThatReachThreeVerdictsGiveTheWorst() {
        assertThat(Tries.verdict(List.of(run(Tolerance.DEGRADED), run(Tolerance.TOLERATED), run(Tolerance.FAILED)))
                .tolerance()).isEqualTo(Tolerance.FAILED);
        assertThat(Tries.verdict(List.of(run(Tolerance.FAILED), run(Tolerance.DEGRADED), run(Tolerance.DEGRADED)))
                .tolerance()).isEqualTo(Tolerance.DEGRADED);
    }

    private static ExplorationRun run(Tolerance tolerance) {
        return new ExplorationRun(List.of(), 200, "", 1, tolerance, null, null, null, List.of(), List.of(), "",
                null, List.of());
    }

    private static FaultExplorer.Settings settings(int budget) {
        return new FaultExplorer.Settings(1, 7, budget, Duration.ofMinutes(5), Hypothesis.baseline(),
                Map.of(), List.of(), List.of());
    }

    /** Environments that play their scripts in order, each answering with one function segment holding Work. */
    static final class Scripted implements FaultExplorer.Environments {
        private final Deque<Script> scripts;
        int started;

        Scripted(Script... scripts) {
            this.scripts = new ArrayDeque<>(List.of(scripts));
        }

        @Override
        public FaultExplorer.Environment start(List<Injection> injections, java.util.function.Function<FaultPoint,
                String> scope) {
            Script script = scripts.removeFirst();
            started++;
            List<String> documents = new ArrayList<>();
            return new FaultExplorer.Environment() {
                @Override
                public FaultExplorer.Answer send(String traceHeader) {
                    String root = traceHeader.substring("Root=".length(), traceHeader.indexOf(';'));
                    documents.add(functionSegment(root, script.faultRecorded()));
                    return new FaultExplorer.Answer(script.status(), "{}");
                }

                @Override
                public List<String> awaitDocuments() {
                    return documents;
                }

                @Override
                public Hypothesis.DeadLetterQueues deadLetters() {
                    return null;
                }

                @Override
                public List<String> problems() {
                    return script.problems();
                }

                @Override
                public void close() {
                }
            };
        }

        private static String functionSegment(String traceId, boolean faultRecorded) {
            String work = faultRecorded
                    ? "{\"id\":\"2222222222222222\",\"name\":\"Work\",\"start_time\":1.1,\"end_time\":1.2,\"fault\":true,"
                    + "\"annotations\":{\"FaultInjected\":true,\"FaultRule\":\"block:Work\"}}"
                    : "{\"id\":\"2222222222222222\",\"name\":\"Work\",\"start_time\":1.1,\"end_time\":1.2}";
            return String.format(Locale.ROOT, "{\"trace_id\":\"%s\",\"id\":\"1111111111111111\",\"name\":\"Front\","
                    + "\"origin\":\"AWS::Lambda::Function\",\"start_time\":1.0,\"end_time\":1.5%s,"
                    + "\"subsegments\":[%s]}", traceId, faultRecorded ? ",\"fault\":true" : "", work);
        }
    }
}
