package dev.xraytracing.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xraytracing.local.app.LocalRunException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What each request of a run sends: the i-th entry, the last one repeating; names checked before anything runs. */
class RunEntriesTest {
    private static final PrintStream SILENT = new PrintStream(OutputStream.nullOutputStream());

    @TempDir
    Path dir;

    private static RunEntries entries(String... args) {
        LocalRunOptions options = LocalRunOptions.parse(args);
        return RunEntries.of(options, RunPlan.of(options, SILENT));
    }

    private static List<String> bodies(RunEntries entries, int requests) {
        return IntStream.range(0, requests).mapToObj(i -> ((RunEntries.ApiRequest) entries.get(i)).body()).toList();
    }

    @Test
    void the_ith_request_sends_the_ith_body_file_and_the_last_one_repeats() throws Exception {
        Path good = Files.writeString(dir.resolve("good.json"), "{\"items\": 2}");
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"items\": -1}");

        RunEntries entries = entries("--first", "Front=com.example.Front", "--second", "Back=com.example.Back",
                "--body-file", good.toString(), "--body-file", bad.toString(), "--header", "X-Custom: a");

        assertThat(bodies(entries, 4)).containsExactly("{\"items\": 2}", "{\"items\": -1}", "{\"items\": -1}",
                "{\"items\": -1}");
        assertThat(((RunEntries.ApiRequest) entries.get(3)).headers()).containsEntry("X-Custom", List.of("a"));
        assertThat(entries.get(0).describe()).isEqualTo("GET /hello");
    }

    @Test
    void one_body_goes_with_every_request_and_no_body_is_none() {
        assertThat(bodies(entries("--first", "F=a.F", "--second", "B=a.B", "--body", "hi"), 3))
                .containsExactly("hi", "hi", "hi");
        assertThat(bodies(entries("--first", "F=a.F", "--second", "B=a.B"), 1)).containsExactly((String) null);
    }

    @Test
    void invoke_reads_its_event_file_and_takes_a_function_by_name() throws Exception {
        Path event = Files.writeString(dir.resolve("event.json"), "{\"id\": 7}");

        RunEntries entries = entries("--first", "F=a.F", "--second", "B=a.B", "--invoke", "B", event.toString(),
                "--invoke", "F", event.toString());

        assertThat(entries.get(0)).isEqualTo(new RunEntries.Invoke("B", "{\"id\": 7}", event.toString()));
        assertThat(entries.get(5)).isEqualTo(new RunEntries.Invoke("F", "{\"id\": 7}", event.toString()));
        assertThat(entries.get(0).describe()).isEqualTo("invoke B " + event);
    }

    @Test
    void an_entry_naming_what_the_template_lacks_is_one_line_listing_what_it_has() throws Exception {
        Path event = Files.writeString(dir.resolve("event.json"), "{}");

        assertThatThrownBy(() -> entries("--first", "F=a.F", "--second", "B=a.B", "--invoke", "C", event.toString()))
                .isInstanceOf(LocalRunException.class).hasMessage("--invoke names unknown function C (functions: F, B)");
        assertThatThrownBy(() -> entries("--first", "F=a.F", "--second", "B=a.B", "--send-message", "Jobs", "x"))
                .isInstanceOf(LocalRunException.class)
                .hasMessage("no queue Jobs in the template (it declares none)");
        assertThatThrownBy(() -> entries("--first", "F=a.F", "--second", "B=a.B", "--fire-schedule", "F.Nightly"))
                .isInstanceOf(LocalRunException.class)
                .hasMessage("no schedule F.Nightly in the template (it declares none)");
    }

    @Test
    void a_body_for_a_template_without_an_api_is_one_line_naming_the_way_in() throws Exception {
        Path template = Files.writeString(dir.resolve("template.yaml"), """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Worker:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: dev.xraytracing.local.handlers.BackHandler
                      Runtime: java21
                """);

        assertThatThrownBy(() -> entries("--template", template.toString(), "--body", "{}"))
                .isInstanceOf(LocalRunException.class).hasMessage("--header, --body and --body-file shape an API"
                        + " request, and this template has no API: use --invoke FUNCTION EVENT_FILE");
        assertThat(entries("--template", template.toString()).get(0)).isEqualTo(new RunEntries.Invoke("Worker", "{}",
                null));
    }
}
