package dev.xraytracing.examples;

import static dev.xraytracing.testing.TracingAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xraytracing.local.LocalPlatform;
import dev.xraytracing.local.app.RuntimeLoop;
import dev.xraytracing.local.report.TraceReport;
import dev.xraytracing.local.template.SamTemplate;
import dev.xraytracing.local.template.TemplateSetup;
import dev.xraytracing.testing.SegmentDocumentSchema;
import dev.xraytracing.trace.RecordedEntity;
import dev.xraytracing.trace.RecordedTrace;
import dev.xraytracing.trace.TraceDocuments;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The main job as a test: what {@code template.yaml} deploys (its {@code Class::handleRequest} handler strings, memory,
 * timeout, tracing, environment and the REST API route), run locally: one request through the API stage to
 * MyFirstLambda and MySecondLambda, each in its own JVM, under the runtime loop of the subclass. The code comes from the
 * test classpath: tests run before the package is built.
 */
abstract class LocalEndToEndTest {
    static LocalPlatform platform;
    static LocalPlatform.ApiResponse response;
    static List<String> documents;
    static long workMillis;

    static void runOneRequest(RuntimeLoop loop, long work) {
        workMillis = work;
        TemplateSetup setup = TemplateSetup.fromClasspath(SamTemplate.read(Path.of("template.yaml"), "us-east-1"),
                line -> { });
        setup.functions().forEach(f -> f.env(ExampleSettings.WORK_MILLIS, Long.toString(work)));
        platform = LocalPlatform.builder().template(setup)
                .runtimeLoop(loop)
                .output(line -> { })
                .start();
        response = platform.request("GET", "/hello", null);
        documents = platform.awaitDocuments();
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    /** What the platform says ran the functions. */
    abstract String expectedRuntime();

    @Test
    void theFunctionsRunUnderTheExpectedRuntimeLoop() {
        assertThat(platform.runtimes()).containsEntry("MyFirstLambda", expectedRuntime())
                .containsEntry("MySecondLambda", expectedRuntime());
        assertThat(platform.problems()).isEmpty();
    }

    @Test
    void theApiAnswersWithTheFirstFunctionsResponse() {
        assertThat(response.status()).as(platform.problems().toString()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(MyFirstLambda.SUCCESS_BODY);
    }

    @Test
    void everyDocumentIsSchemaValidAndTheyFormOneTrace() {
        SegmentDocumentSchema.assertValid(documents);
        assertThat(TraceDocuments.assemble(documents)).hasSize(1);
    }

    @Test
    void theInvokeInsideCallSecondLambdaLeadsToTheSecondFunction() {
        RecordedTrace trace = TraceDocuments.assemble(documents).get(0);

        assertThat(trace).subsegment("CallSecondLambda").hasAnnotation("SecondLambdaStatus", 200).isOk()
                .child("Lambda").hasAwsField("operation", "Invoke")
                .child("MySecondLambda").child("MySecondLambda").subsegment("SimulatedWork");
        RecordedEntity work = trace.get("SimulatedWork");
        assertThat(work.durationMillis()).isGreaterThanOrEqualTo(workMillis - 1);
        assertThat(trace.get("MySecondLambda").origin()).isEqualTo("AWS::Lambda");
    }

    @Test
    void theViewsShowTheChain() {
        TraceReport report = TraceReport.of(documents);

        assertThat(report.waterfalls()).contains("CallSecondLambda", "SimulatedWork", "ColdStart=true");
        assertThat(report.serviceMap().render())
                .contains("client (client) → HelloApi/prod (API Gateway)")
                .contains("MyFirstLambda (Lambda function) → MySecondLambda (Lambda)");
        assertThat(report.html("examples")).contains("id=\"xray-data\"").contains("CallSecondLambda");
    }
}
