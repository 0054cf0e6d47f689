package dev.xraytracing.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xraytracing.local.app.LocalRunException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The entry and report options: each one parsed, each mistake one line naming the option. */
class LocalRunOptionsTest {
    @TempDir
    Path dir;

    @Test
    void headers_keep_their_order_and_repeated_names_and_values_are_trimmed() {
        LocalRunOptions options = LocalRunOptions.parse("--header", "X-Custom: one", "--header", "X-Custom:two",
                "--header", "Accept:  application/json ");

        assertThat(options.headers).extracting(h -> h[0] + "=" + h[1])
                .containsExactly("X-Custom=one", "X-Custom=two", "Accept=application/json");
    }

    @Test
    void a_header_without_a_name_or_one_the_client_sets_itself_is_one_line() {
        assertOneLine(() -> LocalRunOptions.parse("--header", "no colon"), "--header wants 'NAME: VALUE', got no colon");
        assertOneLine(() -> LocalRunOptions.parse("--header", ": value"), "--header wants 'NAME: VALUE', got : value");
        assertOneLine(() -> LocalRunOptions.parse("--header", "Host: example.com"), "--header Host is set by the HTTP"
                + " client itself and cannot be given (connection, content-length, expect, host, upgrade)");
    }

    @Test
    void body_and_body_files_are_read_and_do_not_combine() throws Exception {
        Path a = Files.writeString(dir.resolve("a.json"), "{}");
        Path b = Files.writeString(dir.resolve("b.json"), "[]");

        assertThat(LocalRunOptions.parse("--body", "{\"x\":1}").body).isEqualTo("{\"x\":1}");
        assertThat(LocalRunOptions.parse("--body-file", a.toString(), "--body-file", b.toString()).bodyFiles)
                .containsExactly(a, b);
        assertOneLine(() -> LocalRunOptions.parse("--body", "x", "--body-file", a.toString()),
                "--body and --body-file do not combine: give the body one way");
        assertOneLine(() -> LocalRunOptions.parse("--body-file", dir.resolve("missing").toString()),
                "--body-file names " + dir.resolve("missing") + ", which is not a readable file");
    }

    @Test
    void each_entry_option_is_one_entry_in_command_line_order() throws Exception {
        Path event = Files.writeString(dir.resolve("event.json"), "{}");
        Path message = Files.writeString(dir.resolve("message.txt"), "hello");

        LocalRunOptions options = LocalRunOptions.parse("--send-message", "Jobs", "@" + message,
                "--publish", "Shipped", "parcel 7", "--put-event", event.toString(),
                "--fire-schedule", "Reporter.Nightly", "--invoke", "Worker", event.toString());

        assertThat(options.entries).containsExactly(
                new LocalRunOptions.EntryOption("send-message", "Jobs", "@" + message),
                new LocalRunOptions.EntryOption("publish", "Shipped", "parcel 7"),
                new LocalRunOptions.EntryOption("put-event", event.toString(), null),
                new LocalRunOptions.EntryOption("fire-schedule", "Reporter.Nightly", null),
                new LocalRunOptions.EntryOption("invoke", "Worker", event.toString()));
    }

    @Test
    void max_environments_is_a_positive_number_and_unset_leaves_the_platforms_default() {
        assertThat(LocalRunOptions.parse("--max-environments", "3").maxEnvironments).isEqualTo(3);
        assertThat(LocalRunOptions.parse().maxEnvironments).isNull();
        assertOneLine(() -> LocalRunOptions.parse("--max-environments", "0"),
                "--max-environments wants a positive number, got 0");
    }

    @Test
    void an_entry_missing_its_value_or_file_is_one_line() {
        assertOneLine(() -> LocalRunOptions.parse("--send-message", "Jobs"), "--send-message Jobs needs a value");
        assertOneLine(() -> LocalRunOptions.parse("--send-message", "Jobs", "@" + dir.resolve("none.txt")),
                "--send-message names " + dir.resolve("none.txt") + ", which is not a readable file");
        assertOneLine(() -> LocalRunOptions.parse("--invoke", "Worker"), "--invoke Worker needs a value");
        assertOneLine(() -> LocalRunOptions.parse("--put-event", dir.resolve("e.json").toString()),
                "--put-event names " + dir.resolve("e.json") + ", which is not a readable file");
    }

    @Test
    void api_request_options_do_not_combine_with_other_entries_nor_entries_with_an_experiment() throws Exception {
        Path file = Files.writeString(dir.resolve("x.json"), "{}");

        assertOneLine(() -> LocalRunOptions.parse("--publish", "T", "m", "--path", "/x", "--header", "A: b"),
                "--path, --header shape the API request, which --publish replaces: a run sends API requests or"
                        + " other entries, not both");
        assertOneLine(() -> LocalRunOptions.parse("--fire-schedule", "F.E", "--experiment", file.toString()),
                "--fire-schedule and --experiment do not combine: the experiment sends its own requests");
    }

    @Test
    void quiet_timeout_documents_and_expected_dead_letters_are_read_with_their_defaults() {
        LocalRunOptions defaults = LocalRunOptions.parse();
        assertThat(defaults.quietTimeout).as("the plan's default, which depends on the queues").isNull();
        assertThat(defaults.documents).isNull();
        assertThat(defaults.expectedDeadLetters).isZero();

        LocalRunOptions options = LocalRunOptions.parse("--quiet-timeout", "2.5", "--documents", "out/docs.jsonl",
                "--expect-dead-letters", "1");
        assertThat(options.quietTimeout).isEqualTo(Duration.ofMillis(2500));
        assertThat(options.documents).isEqualTo(Path.of("out/docs.jsonl"));
        assertThat(options.expectedDeadLetters).isEqualTo(1);

        assertOneLine(() -> LocalRunOptions.parse("--quiet-timeout", "0"),
                "--quiet-timeout wants a positive number of seconds, got 0");
        assertOneLine(() -> LocalRunOptions.parse("--expect-dead-letters", "-1"),
                "--expect-dead-letters wants a number of messages (0 or more), got -1");
    }

    @Test
    void parameter_overrides_take_both_forms_the_sam_cli_takes_and_repeat() {
        LocalRunOptions options = LocalRunOptions.parse("--parameter-overrides",
                "TracingBackend=opentelemetry ParameterKey=Stage,ParameterValue=prod", "--parameter-overrides",
                "Url=https://example.com/?a=b");

        assertThat(options.parameters).containsExactly(java.util.Map.entry("TracingBackend", "opentelemetry"),
                java.util.Map.entry("Stage", "prod"), java.util.Map.entry("Url", "https://example.com/?a=b"));
        assertOneLine(() -> LocalRunOptions.parse("--parameter-overrides", "opentelemetry"),
                "--parameter-overrides wants KEY=VALUE pairs, got opentelemetry");
        assertOneLine(() -> LocalRunOptions.parse("--first", "A=a.A", "--second", "B=b.B", "--parameter-overrides",
                "X=1"), "--parameter-overrides goes with a template; --first/--second have no parameters");
    }

    private static void assertOneLine(org.assertj.core.api.ThrowableAssert.ThrowingCallable parse, String message) {
        assertThatThrownBy(parse).isInstanceOf(LocalRunException.class).hasMessage(message)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
