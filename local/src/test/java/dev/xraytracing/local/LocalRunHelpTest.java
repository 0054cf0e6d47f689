package dev.xraytracing.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code LocalRun --help} prints the usage line, then one line per option with its default. */
class LocalRunHelpTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private List<String> help() {
        assertThat(LocalRun.run(out, "--help")).isZero();
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void help_keeps_the_usage_line_first() {
        assertThat(help()).first().isEqualTo(LocalRun.USAGE);
    }

    @Test
    void help_describes_every_option_of_the_usage_line_on_a_line_of_its_own() {
        List<String> lines = help();
        Matcher options = Pattern.compile("--[a-z-]+").matcher(LocalRun.USAGE);
        while (options.find()) {
            String option = options.group();
            assertThat(lines).as(option).filteredOn(line -> line.matches("\\s+(-\\w+, )?(--[a-z-]+, )?" + option
                    + "(,| ).*")).hasSize(1);
        }
        assertThat(lines).anyMatch(line -> line.contains("--keep-warm")).anyMatch(line -> line.contains("--help"));
    }

    @Test
    void every_option_line_names_its_default() {
        List<String> lines = help();
        assertThat(lines.subList(1, lines.size())).filteredOn(line -> line.matches("\\s+-.*"))
                .filteredOn(line -> !line.contains("--help"))
                .hasSizeGreaterThan(20).allMatch(line -> line.contains("(default: "));
    }

    @Test
    void help_ends_with_the_exit_status_and_what_fails_a_run() {
        String help = String.join(" ", help());

        assertThat(help).contains("exit status: 0 when the run went as asked")
                .contains("--expect-dead-letters").contains("batchItemFailures").contains("2 on a bad command line");
    }

    @Test
    void the_defaults_named_are_the_ones_parse_applies() {
        LocalRunOptions defaults = LocalRunOptions.parse();
        String help = String.join("\n", help());

        assertThat(help).contains("how many requests to send (default: " + defaults.requests + ")")
                .contains("(default: " + defaults.html.toString().replace('\\', '/') + ")")
                .contains("(default: " + defaults.fault.name().toLowerCase() + ")")
                .contains("(default: " + defaults.runtime.name().toLowerCase() + ",")
                .contains("(default: \"" + defaults.buildCommand + "\")");
    }
}
