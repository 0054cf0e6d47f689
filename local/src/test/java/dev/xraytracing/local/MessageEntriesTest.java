package dev.xraytracing.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.xraytracing.local.template.SamTemplate;
import dev.xraytracing.local.template.TemplateSetup;
import dev.xraytracing.testing.SegmentDocumentSchema;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run entered by messages: a good and a poison message sent to a queue whose consumer reports partial batch
 * failures. The poison message ends in the dead-letter queue, which the run was told to expect, so the run passes;
 * told nothing, it fails naming the queue. Runs once the template's queues have an engine (the SQS service); until
 * then it is skipped.
 */
class MessageEntriesTest {
    static final String TEMPLATE = """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Jobs:
                Type: AWS::SQS::Queue
                Properties:
                  VisibilityTimeout: 1
                  RedrivePolicy:
                    deadLetterTargetArn: !GetAtt JobsDlq.Arn
                    maxReceiveCount: 1
              JobsDlq:
                Type: AWS::SQS::Queue
              Worker:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: dev.xraytracing.local.handlers.BatchFailuresHandler
                  Runtime: java21
                  Tracing: Active
                  Events:
                    Jobs:
                      Type: SQS
                      Properties:
                        Queue: !GetAtt Jobs.Arn
                        BatchSize: 1
                        FunctionResponseTypes: [ReportBatchItemFailures]
            """;

    @TempDir
    Path dir;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    private Path template() throws Exception {
        Path template = Files.writeString(dir.resolve("template.yaml"), TEMPLATE);
        try (LocalPlatform platform = LocalPlatform.builder()
                .template(TemplateSetup.fromClasspath(SamTemplate.read(template, "us-east-1"), line -> { }))
                .output(line -> { }).start()) {
            assumeTrue(platform.serviceEndpoint("AWS_ENDPOINT_URL_SQS").isPresent(),
                    "no SQS engine in this build yet");
        }
        return template;
    }

    private int run(Path template, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("--template", template.toString(), "--runtime", "java",
                "--quiet", "--html", dir.resolve("r.html").toString(), "--requests", "2",
                "--send-message", "Jobs", "good", "--send-message", "Jobs", "poison", "--quiet-timeout", "30"));
        args.addAll(List.of(more));
        return LocalRun.run(new PrintStream(bytes, true, StandardCharsets.UTF_8), args.toArray(String[]::new));
    }

    @Test
    void a_poison_message_the_run_expects_in_the_dead_letter_queue_does_not_fail_it() throws Exception {
        Path documents = dir.resolve("documents.jsonl");

        int exit = run(template(), "--expect-dead-letters", "1", "--documents", documents.toString());

        String output = bytes.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(output).isZero();
        assertThat(output)
                .containsPattern("request 1: send-message Jobs -> 200 \\S+ \\(\\d+ ms, trace 1-[0-9a-f]{8}-[0-9a-f]{24}\\)")
                .containsPattern("request 2: send-message Jobs -> 200 \\S+ \\(")
                .contains("summary: ").doesNotContain("failed invocation:");
        List<String> lines = Files.readAllLines(documents);
        assertThat(lines).isNotEmpty();
        SegmentDocumentSchema.assertValid(lines);
    }

    @Test
    void a_poison_message_nobody_expected_in_the_dead_letter_queue_fails_the_run_naming_the_queue() throws Exception {
        int exit = run(template());

        String output = bytes.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(output).isEqualTo(1);
        assertThat(output.lines()).last().isEqualTo("xray-tracing-local: FAILED: the dead-letter queues hold 1 message"
                + " (JobsDlq: 1) and --expect-dead-letters said 0");
    }
}
