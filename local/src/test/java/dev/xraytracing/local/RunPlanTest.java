package dev.xraytracing.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xraytracing.local.template.TemplateApi;
import dev.xraytracing.local.template.TemplateFunction;
import dev.xraytracing.local.template.TemplateSetup;
import org.junit.jupiter.api.Test;

/** Two handlers on the command line make a template of their own, so that both modes run one plan. */
class RunPlanTest {
    @Test
    void two_handlers_are_a_template_with_the_first_behind_a_traced_rest_api() {
        LocalRunOptions options = LocalRunOptions.parse("--first", "Front=com.example.Front",
                "--second", "Back=com.example.Back::handle");

        TemplateSetup setup = TemplateSetup.fromClasspath(RunPlan.twoHandlers(options), line -> { });

        assertThat(setup.template().warnings()).isEmpty();
        assertThat(setup.template().functions()).extracting(TemplateFunction::name, TemplateFunction::handler,
                        TemplateFunction::memoryMb, TemplateFunction::timeoutSeconds, TemplateFunction::activeTracing)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Front", "com.example.Front", 512, 30, true),
                        org.assertj.core.groups.Tuple.tuple("Back", "com.example.Back::handle", 512, 30, true));
        assertThat(setup.template().function("Front").orElseThrow().environment())
                .containsExactly(java.util.Map.entry("SECOND_FUNCTION_NAME", "Back"));
        assertThat(setup.restApi()).map(TemplateApi::logicalId).hasValue("api");
        assertThat(setup.restApi()).map(TemplateApi::stageName).hasValue("prod");
        assertThat(setup.restApi()).map(TemplateApi::tracingEnabled).hasValue(true);
        assertThat(setup.restRoutes()).extracting(r -> r.method() + " " + r.path() + " -> " + r.function())
                .containsExactly("ANY / -> Front", "ANY /{proxy+} -> Front");
        assertThat(setup.httpApi()).isEmpty();
    }

    @Test
    void the_two_handlers_default_request_is_get_hello_and_a_fault_hits_the_second() {
        LocalRunOptions options = LocalRunOptions.parse("--first", "Front=com.example.Front",
                "--second", "Back=com.example.Back", "--quiet");

        RunPlan plan = RunPlan.of(options, new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));

        assertThat(plan.method()).isEqualTo("GET");
        assertThat(plan.path()).isEqualTo("/hello");
        assertThat(plan.faultOn()).isEqualTo("Back");
        assertThat(plan.name()).isEqualTo("Front → Back");
    }
}
