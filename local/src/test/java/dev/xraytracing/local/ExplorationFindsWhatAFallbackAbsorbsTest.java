package dev.xraytracing.local;

import static dev.xraytracing.local.ExplorationAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;


import dev.xraytracing.local.app.LocalFunction;
import dev.xraytracing.local.app.Tolerance;
import dev.xraytracing.local.app.RuntimeLoop;
import dev.xraytracing.local.handlers.BackHandler;
import dev.xraytracing.local.handlers.FallbackFrontHandler;
import dev.xraytracing.testing.SegmentDocumentSchema;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The search on an app with a fallback: Front calls Back and, when Back fails, Spare. Each single fault of Back is
 * absorbed by the fallback, so LDFI fails what absorbed it (the CallSpare block, Spare's invocation, Spare's work) in
 * combinations, and the faults of Back that looked the same to the rest of the app are pruned to one.
 */
@EnabledOnOs(value = OS.LINUX, disabledReason = "the runtime interface client ships its native library for Linux only")
class ExplorationFindsWhatAFallbackAbsorbsTest {
    static final String OTHER_BODY = "answered 200 with another body than the baseline's";
    static Exploration exploration;

    @BeforeAll
    static void explore() {
        LocalFunction front = LocalFunction.of("Front", FallbackFrontHandler.class.getName());
        LocalFunction back = LocalFunction.of("Back", BackHandler.class.getName()).env("WORK_MILLIS", "20");
        LocalFunction spare = LocalFunction.of("Spare", BackHandler.class.getName()).env("WORK_MILLIS", "20");
        exploration = Explorer.of(List.of(front, back, spare), () -> LocalPlatform.builder().function(front)
                        .function(back).function(spare).runtimeLoop(RuntimeLoop.INTERFACE_CLIENT).output(line -> { }))
                .entry(ExplorationEntry.invoke("Front", "{}"))
                .settings("{\"hypothesis\": {\"body\": {\"path\": \"$.statusCode\", \"equals\": \"200\"}},"
                        + " \"skip\": [\"timeout\"]}") // a timeout costs the function's 30 s and fails as an exception does
                .explore();
        System.out.println(exploration.text());
    }

    @Test
    void the_fallback_absorbs_every_single_fault_of_back_and_the_answer_says_who_served() {
        assertThat(exploration.singleFaults()).filteredOn(finding -> finding.label().startsWith("Back "))
                .extracting(ExplorationFinding::label, ExplorationFinding::tolerance, ExplorationFinding::why).containsExactly(
                        tuple("Back invoke throttle", Tolerance.DEGRADED, OTHER_BODY),
                        tuple("Back invoke function-error", Tolerance.DEGRADED, OTHER_BODY),
                        tuple("Back block:Work exception", Tolerance.DEGRADED, OTHER_BODY));
        assertThat(exploration.finding("Back invoke function-error")).get()
                .satisfies(finding -> assertThat(finding.surfacedAt()).isEqualTo("CallBack in Front"));
        assertThat(exploration.points()).doesNotContain("Spare invoke"); // the baseline never reached Spare
    }

    @Test
    void ldfi_fails_what_absorbed_the_fault_and_the_combination_takes_the_request_down() {
        assertThat(exploration.combinations()).extracting(ExplorationFinding::label).contains(
                "Back invoke throttle + Front block:CallSpare exception",
                "Back invoke throttle + Spare invoke throttle");
        assertThat(exploration.combinations()).allSatisfy(finding ->
                assertThat(finding.tolerance()).isEqualTo(Tolerance.FAILED));
        assertThat(exploration.finding("Back invoke throttle + Spare invoke throttle")).get()
                .satisfies(finding -> assertThat(finding.replay())
                        .isEqualTo("--fault throttle --fault-on Back --fault throttle --fault-on Spare"));
    }

    @Test
    void faults_of_back_that_looked_the_same_to_the_rest_of_the_app_are_pruned_from_the_combinations() {
        assertThat(exploration.finding("Back invoke function-error")).get()
                .satisfies(finding -> assertThat(finding.equivalentTo()).isEqualTo("Back invoke throttle"));
        assertThat(exploration.coverage()).containsPattern("[1-9]\\d* combinations pruned");
    }

    @Test
    void the_front_fails_when_its_own_call_fails_since_both_calls_are_the_same_sdk_operation() {
        assertThatThrownBy(() -> assertThat(exploration).toleratesEverySingleFault().except("Back"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("but 7 of 11 did not")
                .hasMessageContaining("Front sdk:Lambda.Invoke 5xx: failed (200, the body's $.statusCode is 502, not"
                        + " 200), surfaced at CallBack in Front, replay: --faults FILE (sdk:Lambda.Invoke=status:500,"
                        + "errorCode=ServiceException) --env Front:XRAY_TRACING_FAULTS_SEED=7");
        assertThat(exploration).tolerates("Front sdk:Lambda.Invoke slow")
                .toleratesEverySingleFault().except("Back", "Front invoke", "Front handler", "Front block:CallBack",
                        "sdk:Lambda.Invoke throttle", "sdk:Lambda.Invoke 5xx", "sdk:Lambda.Invoke exception");
        assertThatThrownBy(() -> assertThat(exploration).toleratesEverySingleFault().except("Back", "Middle"))
                .hasMessageStartingWith("The exception 'Middle' names no single fault the exploration ran");
    }

    @Test
    void every_document_of_every_run_is_schema_valid() {
        SegmentDocumentSchema.assertValid(exploration.documents());
    }
}
