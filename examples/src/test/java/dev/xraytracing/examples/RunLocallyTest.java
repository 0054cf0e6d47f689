package dev.xraytracing.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The examples' defaults reach LocalRun first, so that the command line's own options win. */
class RunLocallyTest {
    @Test
    void the_examples_template_and_build_command_come_first_and_the_command_line_after() {
        assertThat(RunLocally.withDefaults("--requests", "5")).containsExactly("--build-command",
                RunLocally.BUILD_COMMAND, "--template", RunLocally.template().toString(), "--requests", "5");
    }

    @Test
    void a_template_or_two_handlers_of_the_command_line_replace_the_examples_template() {
        assertThat(RunLocally.withDefaults("--first", "A=a.A", "--second", "B=b.B")).containsExactly(
                "--build-command", RunLocally.BUILD_COMMAND, "--first", "A=a.A", "--second", "B=b.B");
        assertThat(RunLocally.withDefaults("--template", "other.yaml")).doesNotContain(
                RunLocally.template().toString());
    }
}
