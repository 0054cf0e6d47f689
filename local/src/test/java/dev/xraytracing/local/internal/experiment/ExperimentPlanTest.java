package dev.xraytracing.local.internal.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xraytracing.local.app.LocalRunException;
import org.junit.jupiter.api.Test;

class ExperimentPlanTest {
    @Test
    void a_full_file_names_the_counts_the_request_the_rules_and_the_seed() {
        ExperimentPlan plan = ExperimentPlan.parse("""
                {"requests": 20, "warmup": 2, "request": {"method": "post", "path": "/orders"}, "seed": 7,
                 "rules": [{"id": "t", "target": "sdk:Lambda.Invoke", "mode": "status", "status": 429}]}
                """, "e.json");

        assertThat(plan.requests()).isEqualTo(20);
        assertThat(plan.warmup()).isEqualTo(2);
        assertThat(plan.method()).isEqualTo("POST");
        assertThat(plan.path()).isEqualTo("/orders");
        assertThat(plan.seed()).isEqualTo("7");
        assertThat(plan.rules()).startsWith("[{\"id\":\"t\"");
    }

    @Test
    void only_the_rules_are_required_and_they_may_be_the_compact_form() {
        ExperimentPlan plan = ExperimentPlan.parse("{\"rules\": \"block:CallSecondLambda=latency:300ms\"}", "e.json");

        assertThat(plan.requests()).isEqualTo(10);
        assertThat(plan.warmup()).isEqualTo(1);
        assertThat(plan.method()).isNull();
        assertThat(plan.path()).isNull();
        assertThat(plan.seed()).isNull();
        assertThat(plan.rules()).isEqualTo("block:CallSecondLambda=latency:300ms");
    }

    @Test
    void each_mistake_is_one_clear_error() {
        assertThatThrownBy(() -> ExperimentPlan.parse("{}", "e.json"))
                .isInstanceOf(LocalRunException.class).hasMessageContaining("'rules' is missing");
        assertThatThrownBy(() -> ExperimentPlan.parse("{\"rules\": []}", "e.json"))
                .hasMessageContaining("'rules' is empty");
        assertThatThrownBy(() -> ExperimentPlan.parse("{\"rules\": \"x\", \"request\": 3}", "e.json"))
                .hasMessageContaining("'request' wants");
        assertThatThrownBy(() -> ExperimentPlan.parse("{\"rules\": \"x\", \"requests\": 0}", "e.json"))
                .hasMessageContaining("'requests' wants a whole number of at least 1");
        assertThatThrownBy(() -> ExperimentPlan.parse("{\"rules\": \"x\", \"warmup\": 1.5}", "e.json"))
                .hasMessageContaining("'warmup' wants a whole number of at least 0");
        assertThatThrownBy(() -> ExperimentPlan.parse("{\"rules\": \"x\", \"requets\": 5}", "e.json"))
                .hasMessageContaining("unknown field 'requets'");
        assertThatThrownBy(() -> ExperimentPlan.parse("[1, 2", "e.json"))
                .hasMessageContaining("is not JSON");
        assertThatThrownBy(() -> ExperimentPlan.parse("[]", "e.json"))
                .hasMessageContaining("must hold a JSON object");
    }
}
