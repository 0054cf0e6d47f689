package dev.xraytracing.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.xraytracing.local.template.SamTemplate;
import dev.xraytracing.local.template.TemplateSetup;
import dev.xraytracing.testing.SegmentDocumentSchema;
import dev.xraytracing.trace.RecordedTrace;
import dev.xraytracing.trace.TraceDocuments;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;

/**
 * A whole platform from a SAM template: a function that always throws, invoked asynchronously through the Invoke API
 * ({@code InvocationType=Event}) and as an EventBridge rule's target, is attempted {@code MaximumRetryAttempts} + 1
 * times, each attempt a real invocation in the event's one trace, and its event then sits in its
 * {@code DeadLetterQueue}, which {@link LocalPlatform#deadLetters()} counts. Runs once the template's queues have an
 * engine; until then it is skipped.
 */
class AsynchronousInvocationRetriesTest {
    static final String TEMPLATE = """
            Transform: AWS::Serverless-2016-10-31
            Globals:
              Function:
                Runtime: java21
                Tracing: Active
                EventInvokeConfig:
                  MaximumRetryAttempts: 1
            Resources:
              AuditDlq:
                Type: AWS::SQS::Queue
              Auditor:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: dev.xraytracing.local.handlers.ThrowingHandler
                  DeadLetterQueue:
                    Type: SQS
                    TargetArn: !GetAtt AuditDlq.Arn
                  Events:
                    Sold:
                      Type: EventBridgeRule
                      Properties:
                        Pattern: {source: [shop]}
            """;

    @TempDir
    Path dir;

    private final List<String> output = new CopyOnWriteArrayList<>();

    private LocalPlatform start() throws Exception {
        Path template = Files.writeString(dir.resolve("template.yaml"), TEMPLATE);
        LocalPlatform platform = LocalPlatform.builder()
                .template(TemplateSetup.fromClasspath(SamTemplate.read(template, "us-east-1"), output::add))
                .output(output::add).start();
        if (platform.serviceEndpoint("AWS_ENDPOINT_URL_SQS").isEmpty()) {
            platform.close();
            assumeTrue(false, "no SQS engine in this build yet");
        }
        return platform;
    }

    @Test
    void an_event_invoke_of_a_failing_function_is_attempted_twice_in_one_trace_then_dead_lettered() throws Exception {
        try (LocalPlatform platform = start(); LambdaClient lambda = LambdaClient.builder()
                .endpointOverride(URI.create(platform.lambdaEndpoint())).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "secret")))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
            Map<String, Integer> before = platform.deadLetters();

            int status = lambda.invoke(r -> r.functionName("Auditor").invocationType(InvocationType.EVENT)
                    .payload(SdkBytes.fromUtf8String("{\"order\":42}"))).statusCode();
            List<String> documents = awaitAttempts(platform, 2);

            assertThat(status).isEqualTo(202);
            assertThat(before).containsEntry("AuditDlq", 0);
            assertThat(platform.deadLetters()).as(String.join("\n", output)).containsEntry("AuditDlq", 1);
            assertThat(TraceDocuments.assemble(documents)).as("both attempts in the event's one trace").hasSize(1);
            SegmentDocumentSchema.assertValid(documents);
            assertThat(output).anyMatch(line -> line.startsWith("asynchronous invocation of Auditor: function error")
                    && line.contains(" after 2 attempts; the event went to dead-letter queue "));
        }
    }

    @Test
    void a_rule_targets_failed_event_is_attempted_twice_then_dead_lettered() throws Exception {
        try (LocalPlatform platform = start()) {
            platform.putEvents("{\"Source\":\"shop\",\"DetailType\":\"Sold\",\"Detail\":\"{}\"}");
            List<String> documents = awaitAttempts(platform, 2);

            assertThat(platform.deadLetters()).as(String.join("\n", output)).containsEntry("AuditDlq", 1);
            List<RecordedTrace> traces = TraceDocuments.assemble(documents);
            assertThat(traces).as("the entry's trace carries both attempts").hasSize(1);
            SegmentDocumentSchema.assertValid(documents);
        }
    }

    /** Waits (a bound, not a timed assertion) until the platform is quiet with {@code attempts} function segments. */
    private static List<String> awaitAttempts(LocalPlatform platform, int attempts) throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        List<String> documents = platform.awaitDocuments();
        while (!(platform.quiet() && functionSegments(documents) >= attempts) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            documents = platform.awaitDocuments();
        }
        assertThat(functionSegments(documents)).as("function segments, one per attempt").isEqualTo(attempts);
        return documents;
    }

    private static long functionSegments(List<String> documents) {
        return documents.stream().filter(d -> d.contains("\"origin\":\"AWS::Lambda::Function\"")
                && d.contains("\"name\":\"Auditor\"")).count();
    }
}
