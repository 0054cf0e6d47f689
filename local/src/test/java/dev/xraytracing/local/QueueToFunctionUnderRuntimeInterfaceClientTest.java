package dev.xraytracing.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.xraytracing.local.app.RuntimeLoop;
import dev.xraytracing.local.template.SamTemplate;
import dev.xraytracing.local.template.TemplateSetup;
import dev.xraytracing.testing.SegmentDocumentSchema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A template's queue between two functions under the runtime interface client: the producer's unmodified SQS client
 * reaches the queue through {@code AWS_ENDPOINT_URL_SQS} and the URL {@code !Ref} gave it; the consumer's SQS event
 * source delivers each message, reported failures come back after the visibility timeout, and the poison message ends
 * in the dead-letter queue after {@code maxReceiveCount} receives, still carrying its producer's trace header. Each
 * batch is a new trace, as Lambda's are.
 */
class QueueToFunctionUnderRuntimeInterfaceClientTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String TEMPLATE = """
            AWSTemplateFormatVersion: "2010-09-09"
            Transform: AWS::Serverless-2016-10-31
            Globals:
              Function:
                Runtime: java21
                Timeout: 30
                Tracing: Active
            Resources:
              Orders:
                Type: AWS::SQS::Queue
                Properties:
                  VisibilityTimeout: 2
                  RedrivePolicy:
                    deadLetterTargetArn: !GetAtt OrdersDlq.Arn
                    maxReceiveCount: 2
              OrdersDlq:
                Type: AWS::SQS::Queue
              Producer:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: dev.xraytracing.local.handlers.QueueProducerHandler
                  Environment:
                    Variables:
                      QUEUE_URL: !Ref Orders
                      DLQ_URL: !Ref OrdersDlq
              Consumer:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: dev.xraytracing.local.handlers.BatchConsumerHandler
                  Events:
                    Orders:
                      Type: SQS
                      Properties:
                        Queue: !GetAtt Orders.Arn
                        FunctionResponseTypes: [ReportBatchItemFailures]
            """;

    @TempDir
    Path dir;

    @Test
    void the_poison_message_ends_in_the_dead_letter_queue_with_its_producers_trace_header() throws Exception {
        assumeTrue(OS.LINUX.isCurrentOs(), "the runtime client's native library is Linux's");
        List<String> output = new CopyOnWriteArrayList<>();
        SamTemplate template = SamTemplate.parse(TEMPLATE, dir.resolve("template.yaml"), "us-east-1");
        try (LocalPlatform platform = LocalPlatform.builder()
                .template(TemplateSetup.fromClasspath(template, output::add))
                .runtimeLoop(RuntimeLoop.INTERFACE_CLIENT)
                .output(output::add)
                .start()) {
            String good = send(platform, "good");
            String poison = send(platform, "poison");

            awaitDeadLetters(platform, output);
            JsonNode held = JSON.readTree(platform.invoke("Producer", "{\"peek\":\"dlq\"}", null).body());
            assertThat(held.path("bodies").asText()).isEqualTo("poison");
            assertThat(held.path("traceHeaders").asText()).as("the producer's trace travels with the message")
                    .startsWith(root(poison) + ";");

            List<String> documents = platform.awaitDocuments();
            SegmentDocumentSchema.assertValid(documents);
            List<JsonNode> consumerSegments = segmentsNamed(documents, "Consumer");
            assertThat(consumerSegments).as(String.join("\n", output)).isNotEmpty();
            assertThat(consumerSegments).extracting(s -> s.path("trace_id").asText())
                    .as("each batch starts a new trace").doesNotContain(root(good).substring(5),
                            root(poison).substring(5));
            assertThat(platform.functionErrors()).as("reported failures are answers, not function errors").isEmpty();
            assertThat(output).noneMatch(line -> line.contains("does not run yet"));
        }
    }

    private static String send(LocalPlatform platform, String body) throws Exception {
        LocalPlatform.ApiResponse answer = platform.invoke("Producer", "{\"send\":\"" + body + "\"}", null);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body()).path("traceHeader").asText();
    }

    /** Asks the producer how many messages the dead-letter queue holds until it holds one (at most a minute). */
    private static void awaitDeadLetters(LocalPlatform platform, List<String> output) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!JSON.readTree(platform.invoke("Producer", "{\"depth\":\"dlq\"}", null).body())
                .path("visible").asText().equals("1")) {
            assertThat(System.nanoTime()).as("the dead-letter queue holds the poison message within a minute\n"
                    + String.join("\n", output)).isLessThan(deadline);
            Thread.sleep(500);
        }
    }

    private static String root(String traceHeader) {
        for (String part : traceHeader.split(";")) {
            if (part.startsWith("Root=")) {
                return part;
            }
        }
        throw new AssertionError("no Root in " + traceHeader);
    }

    private static List<JsonNode> segmentsNamed(List<String> documents, String name) throws Exception {
        List<JsonNode> segments = new ArrayList<>();
        for (String document : documents) {
            JsonNode segment = JSON.readTree(document);
            if (name.equals(segment.path("name").asText()) && !segment.has("parent_id")) {
                segments.add(segment);
            }
        }
        return segments;
    }
}
