package dev.xraytracing.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xraytracing.testing.SegmentDocumentSchema;
import dev.xraytracing.trace.TraceDocuments;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run's entries through the whole chain: headers and bodies reach the function behind the API stage, a direct
 * invocation sends its event file, and {@code --documents} writes what the daemon received, one document per line.
 */
class EntriesEndToEndTest {
    private static final String ECHO = "Echo=dev.xraytracing.local.handlers.EchoRequestHandler";
    private static final String BACK = "Back=dev.xraytracing.local.handlers.BackHandler";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    private int run(String... args) {
        return LocalRun.run(new PrintStream(bytes, true, StandardCharsets.UTF_8), args);
    }

    private String output() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void headers_and_rotating_body_files_reach_the_handler_and_documents_are_written_one_per_line()
            throws Exception {
        Path good = Files.writeString(dir.resolve("good.json"), "{\"items\":2}");
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"items\":-1}");
        Path documents = dir.resolve("out").resolve("documents.jsonl");

        int exit = run("--runtime", "java", "--quiet", "--html", dir.resolve("r.html").toString(),
                "--first", ECHO, "--second", BACK, "--requests", "3", "--method", "POST", "--path", "/orders",
                "--header", "X-Custom: one", "--header", "X-Custom: two",
                "--body-file", good.toString(), "--body-file", bad.toString(), "--documents", documents.toString());

        assertThat(exit).as(output()).isZero();
        assertThat(output())
                .contains("request 1: POST /orders -> 200 POST X-Custom=[one, two] body={\"items\":2} (")
                .contains("request 2: POST /orders -> 200 POST X-Custom=[one, two] body={\"items\":-1} (")
                .contains("request 3: POST /orders -> 200 POST X-Custom=[one, two] body={\"items\":-1} (")
                .contains("segment documents: " + documents.toAbsolutePath());
        List<String> lines = Files.readAllLines(documents);
        assertThat(lines).hasSizeGreaterThanOrEqualTo(3 * 3)
                .allSatisfy(line -> assertThat(line).startsWith("{").endsWith("}"));
        SegmentDocumentSchema.assertValid(lines);
        assertThat(TraceDocuments.assemble(lines)).hasSize(3);
        assertThat(output()).contains(RunReport.tally(lines.size(), 3, 0).replaceAll(", [0-9.]+ s$", ""));
    }

    @Test
    void invoke_sends_the_event_file_to_the_function_named() throws Exception {
        Path event = Files.writeString(dir.resolve("event.json"),
                "{\"httpMethod\": \"PUT\", \"body\": \"from a file\", \"multiValueHeaders\": {\"X-Custom\": [\"f\"]}}");

        int exit = run("--runtime", "java", "--quiet", "--html", dir.resolve("r.html").toString(),
                "--first", ECHO, "--second", BACK, "--requests", "1", "--invoke", "Echo", event.toString());

        assertThat(exit).as(output()).isZero();
        assertThat(output()).contains("request 1: invoke Echo " + event + " -> 200 {\"statusCode\":200,")
                .contains("PUT X-Custom=[f] body=from a file");
    }

    @Test
    void a_function_error_in_a_direct_invocation_fails_the_run_and_is_listed_after_the_traces() throws Exception {
        Path event = Files.writeString(dir.resolve("event.json"), "{}");

        int exit = run("--runtime", "java", "--quiet", "--html", dir.resolve("r.html").toString(),
                "--first", "Front=dev.xraytracing.local.handlers.FrontHandler",
                "--second", "Thrower=dev.xraytracing.local.handlers.ThrowingHandler",
                "--requests", "1", "--invoke", "Thrower", event.toString());

        assertThat(exit).as(output()).isEqualTo(1);
        assertThat(output().lines())
                .contains("failed invocation: Thrower: java.lang.IllegalArgumentException: order 42 has no items")
                .last().isEqualTo("xray-tracing-local: FAILED: 1 of 1 requests answered 5xx (502) and no --fault"
                        + " asked for it; Thrower: java.lang.IllegalArgumentException: order 42 has no items");
    }
}
