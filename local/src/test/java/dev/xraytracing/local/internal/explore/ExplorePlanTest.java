package dev.xraytracing.local.internal.explore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xraytracing.local.app.LocalRunException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The explore file: every field optional, each mistake one line naming the field; the hypothesis as it judges. */
class ExplorePlanTest {
    @Test
    void without_a_file_the_hypothesis_comes_from_the_baseline_and_the_entrys_timeout() {
        ExplorePlan plan = ExplorePlan.read(null);
        assertThat(plan.baselineRequests()).isEqualTo(3);
        assertThat(plan.seed()).isEqualTo(7);
        assertThat(plan.budgetRuns()).isEqualTo(100);
        assertThat(plan.timeLimit()).isEqualTo(Duration.ofMinutes(15));
        assertThat(plan.hypothesis().completedBy(200, 30_000).describe()).isEqualTo("2xx within 30000 ms");
    }

    @Test
    void a_full_file_is_read_field_by_field() {
        ExplorePlan plan = ExplorePlan.parse("{\"hypothesis\": {\"status\": 200, \"latencyMs\": 3000, \"body\": "
                + "{\"path\": \"$.status\", \"equals\": \"ok\"}}, \"baselineRequests\": 5, \"seed\": 3, \"budget\": 9,"
                + " \"timeLimitSeconds\": 60, \"only\": [\"FulfilOrder sdk:S3.PutObject\"], \"skip\": [\"timeout\"]}",
                "explore.json");
        Hypothesis hypothesis = plan.hypothesis().completedBy(204, 30_000);
        assertThat(hypothesis.describe()).isEqualTo("200 within 3000 ms, body $.status = ok");
        assertThat(plan.skip()).containsExactly("timeout");
        assertThat(plan.only()).containsExactly("FulfilOrder sdk:S3.PutObject");
        assertThat(plan.timeLimit()).isEqualTo(Duration.ofSeconds(60));
        assertThat(plan.budgetRuns()).isEqualTo(9);
    }

    @Test
    void the_hypothesis_says_why_an_answer_breaks_it() {
        Hypothesis hypothesis = ExplorePlan.parse("{\"hypothesis\": {\"body\": {\"path\": \"$.status\", "
                + "\"equals\": \"ok\"}}}", "f").hypothesis().completedBy(200, 1_000);
        Hypothesis.DeadLetterQueues none = Hypothesis.DeadLetterQueues.between(Map.of(), Map.of());
        assertThat(hypothesis.violation(200, "{\"status\": \"ok\"}", 10, none)).isNull();
        assertThat(hypothesis.violation(502, "{\"status\": \"ok\"}", 10, none)).isEqualTo("answered 502, not 2xx");
        assertThat(hypothesis.violation(200, "{\"status\": \"ok\"}", 1_500, none)).isEqualTo("took 1500 ms, over 1000 ms");
        assertThat(hypothesis.violation(200, "{\"status\": \"degraded\"}", 10, none))
                .isEqualTo("the body's $.status is degraded, not ok");
        assertThat(hypothesis.violation(200, "not json", 10, none)).isEqualTo("the body has no $.status");
    }

    @Test
    void a_message_that_reaches_a_watched_dead_letter_queue_during_the_run_breaks_the_hypothesis() {
        Hypothesis hypothesis = ExplorePlan.parse("{\"hypothesis\": {\"deadLetterQueuesEmpty\": [\"OrdersDlq\"]}}", "f")
                .hypothesis().completedBy(200, 1_000);
        Map<String, Integer> before = Map.of("OrdersDlq", 1, "OtherDlq", 0);

        assertThat(hypothesis.violation(200, "", 10, Hypothesis.DeadLetterQueues.between(before,
                Map.of("OrdersDlq", 3, "OtherDlq", 0)))).isEqualTo("2 messages reached the dead-letter queue OrdersDlq");
        assertThat(hypothesis.violation(200, "", 10, Hypothesis.DeadLetterQueues.between(before, before)))
                .as("what the queue held before the run is not the run's").isNull();
        assertThat(hypothesis.violation(200, "", 10, Hypothesis.DeadLetterQueues.between(before,
                Map.of("OrdersDlq", 1, "OtherDlq", 1)))).as("a queue the hypothesis does not watch").isNull();
        assertThat(hypothesis.describe()).isEqualTo("2xx within 1000 ms, no new dead letter in OrdersDlq");
    }

    @Test
    void true_watches_every_dead_letter_queue_and_a_name_that_is_none_is_refused_before_any_run() {
        Hypothesis every = ExplorePlan.parse("{\"hypothesis\": {\"deadLetterQueuesEmpty\": true}}", "f")
                .hypothesis().completedBy(200, 1_000);
        Map<String, Integer> before = new TreeMap<>(Map.of("OrdersDlq", 0, "OtherDlq", 0));
        assertThat(every.violation(200, "", 10, Hypothesis.DeadLetterQueues.between(before,
                Map.of("OrdersDlq", 0, "OtherDlq", 1)))).isEqualTo("1 message reached the dead-letter queue OtherDlq");
        assertThat(every.describe()).endsWith("no new dead letter in any dead-letter queue");

        Hypothesis named = ExplorePlan.parse("{\"hypothesis\": {\"deadLetterQueuesEmpty\": [\"OrdersQueue\"]}}", "f")
                .hypothesis();
        assertThat(named.unknownQueues(Hypothesis.DeadLetterQueues.between(before, before))).isEqualTo(
                "the hypothesis names OrdersQueue, which is no dead-letter queue of this app (its dead-letter queues:"
                        + " OrdersDlq, OtherDlq)");
        assertThat(every.unknownQueues(Hypothesis.DeadLetterQueues.between(Map.of(), Map.of())))
                .startsWith("the hypothesis watches dead-letter queues, and this app has none");
        assertThatThrownBy(() -> ExplorePlan.parse("{\"hypothesis\": {\"deadLetterQueuesEmpty\": \"OrdersDlq\"}}",
                "f")).isInstanceOf(LocalRunException.class).hasMessageContaining("wants true");
    }

    @Test
    void only_narrows_the_space_to_what_it_names_and_skip_then_leaves_out_what_it_names() {
        ExplorePlan plan = ExplorePlan.parse("{\"only\": [\"FulfilOrder sdk:S3.PutObject\", \"PlaceOrder handler exception\"],"
                + " \"skip\": [\"timeout\"]}", "f");
        FaultExplorer.Settings settings = new FaultExplorer.Settings(1, 7, 10, Duration.ofMinutes(1),
                plan.hypothesis(), Map.of(), plan.only(), plan.skip());
        List<String> explored = FaultSpace.singleFaults(List.of(FaultPoint.sdk("FulfilOrder", "S3", "PutObject"),
                FaultPoint.sdk("FulfilOrder", "SNS", "Publish"), FaultPoint.handler("PlaceOrder"))).stream()
                .filter(injection -> !settings.skips(injection)).map(Injection::label).toList();

        assertThat(explored).containsExactly("FulfilOrder sdk:S3.PutObject throttle", "FulfilOrder sdk:S3.PutObject 5xx",
                "FulfilOrder sdk:S3.PutObject exception", "FulfilOrder sdk:S3.PutObject slow",
                "PlaceOrder handler exception");
    }

    @Test
    void each_mistake_is_one_line_naming_the_field() {
        assertThatThrownBy(() -> ExplorePlan.parse("{\"budgets\": 3}", "explore.json"))
                .isInstanceOf(LocalRunException.class).hasMessage("the explore file explore.json has an unknown field "
                        + "'budgets' (known: hypothesis, baselineRequests, seed, budget, timeLimitSeconds, only, skip)");
        assertThatThrownBy(() -> ExplorePlan.parse("{\"hypothesis\": {\"status\": \"ok\"}}", "explore.json"))
                .hasMessage("explore.json: 'hypothesis.status' wants a class like \"2xx\" or a status like 200, "
                        + "got \"ok\"");
        assertThatThrownBy(() -> ExplorePlan.parse("{\"budget\": 0}", "explore.json"))
                .hasMessage("explore.json: 'budget' wants a positive whole number, got 0");
        assertThatThrownBy(() -> ExplorePlan.parse("[1]", "explore.json"))
                .hasMessage("the explore file explore.json must hold a JSON object");
    }

    @Test
    void answers_are_compared_without_key_order_or_stack_traces() {
        assertThat(Bodies.canonical("{\"b\": 1, \"a\": {\"y\": 2, \"x\": 3}}"))
                .isEqualTo(Bodies.canonical("{\"a\": {\"x\": 3, \"y\": 2}, \"b\": 1}"));
        assertThat(Bodies.canonical("{\"errorType\": \"E\", \"stackTrace\": [\"a.b(C.java:1)\"]}"))
                .isEqualTo("{\"errorType\":\"E\"}");
        assertThat(Bodies.canonical("plain text")).isEqualTo("plain text");
    }
}
