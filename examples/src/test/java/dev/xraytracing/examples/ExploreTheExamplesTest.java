package dev.xraytracing.examples;

import static dev.xraytracing.local.ExplorationAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xraytracing.local.LocalPlatform;
import dev.xraytracing.local.ExplorationEntry;
import dev.xraytracing.local.Exploration;
import dev.xraytracing.local.Explorer;
import dev.xraytracing.local.ExplorationFinding;
import dev.xraytracing.local.app.Tolerance;
import dev.xraytracing.local.template.SamTemplate;
import dev.xraytracing.local.template.TemplateSetup;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The examples explored with the default hypothesis (the baseline's 2xx, within MyFirstLambda's 30 s), as a reader
 * checks the report against the code: MyFirstLambda answers 502 when its {@code Lambda.Invoke} fails in any way or
 * MySecondLambda fails, and absorbs a slow call. The timeouts are skipped: each costs a function's 30 s and fails as
 * an exception does (the README's run has them).
 */
@EnabledOnOs(value = OS.LINUX, disabledReason = "the runtime interface client ships its native library for Linux only")
class ExploreTheExamplesTest {
    static Exploration exploration;

    @BeforeAll
    static void explore() {
        TemplateSetup setup = TemplateSetup.fromClasspath(SamTemplate.read(Path.of("template.yaml"), "us-east-1"),
                line -> { });
        setup.functions().forEach(function -> function.env(ExampleSettings.WORK_MILLIS, "50"));
        exploration = Explorer.of(setup.functions(), () -> LocalPlatform.builder().template(setup).output(line -> { }))
                .entry(ExplorationEntry.apiRequest("GET", "/hello", null))
                .settings("{\"skip\": [\"timeout\"]}")
                .title("examples/template.yaml")
                .explore();
        System.out.println(exploration.text());
    }

    @Test
    void every_point_the_request_reaches_is_explored() {
        assertThat(exploration.points()).containsExactly("MyFirstLambda invoke", "MyFirstLambda handler",
                "MyFirstLambda block:CallSecondLambda", "MyFirstLambda sdk:Lambda.Invoke", "MySecondLambda invoke",
                "MySecondLambda handler", "MySecondLambda block:SimulatedWork");
        assertThat(exploration.hypothesis()).isEqualTo("2xx within 30000 ms");
        assertThat(exploration.scopedToTrace()).isTrue();
    }

    @Test
    void a_throttled_invoke_fails_the_request_with_502_where_call_second_lambda_gives_up() {
        assertThat(exploration).fails("MyFirstLambda sdk:Lambda.Invoke throttle");
        ExplorationFinding throttle = exploration.finding("MyFirstLambda sdk:Lambda.Invoke throttle").orElseThrow();
        assertThat(throttle.status()).isEqualTo(502);
        assertThat(throttle.replay()).isEqualTo("--faults FILE (sdk:Lambda.Invoke=status:429,"
                + "errorCode=TooManyRequestsException) --env MyFirstLambda:XRAY_TRACING_FAULTS_SEED=7");
    }

    @Test
    void a_slow_invoke_below_the_timeout_is_tolerated_and_nothing_else_is() {
        assertThat(exploration).tolerates("MyFirstLambda sdk:Lambda.Invoke slow")
                .toleratesEverySingleFault().except("MyFirstLambda invoke", "MyFirstLambda handler",
                        "MyFirstLambda block:CallSecondLambda", "sdk:Lambda.Invoke throttle", "sdk:Lambda.Invoke 5xx",
                        "sdk:Lambda.Invoke exception", "MySecondLambda");
    }

    @Test
    void every_failure_of_mysecondlambda_reaches_the_client_as_502() {
        assertThat(exploration.singleFaults()).filteredOn(f -> f.label().startsWith("MySecondLambda"))
                .isNotEmpty().allSatisfy(finding -> {
                    assertThat(finding.tolerance()).isEqualTo(Tolerance.FAILED);
                    assertThat(finding.status()).isEqualTo(502);
                });
    }

    @Test
    void equivalent_faults_are_counted_and_nothing_is_left_unrun() {
        assertThat(exploration.singleFaults()).hasSize(exploration.singleFaultsInSpace());
        assertThat(exploration.coverage()).contains("pruning:");
    }
}
