package dev.xraytracing.examples;

import static dev.xraytracing.testing.TracingAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xraytracing.local.LocalFunction;
import dev.xraytracing.local.LocalPlatform;
import dev.xraytracing.local.RuntimeLoop;
import dev.xraytracing.local.report.TraceReport;
import dev.xraytracing.trace.RecordedEntity;
import dev.xraytracing.trace.RecordedTrace;
import dev.xraytracing.testing.SegmentDocumentSchema;
import dev.xraytracing.trace.TraceDocuments;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.OS;

/**
 * The main job as a test: one request through the local API stage to MyFirstLambda and MySecondLambda, each in its
 * own JVM (under AWS's runtime interface client on Linux, the pure-Java loop elsewhere), with the real 2 s of work.
 */
class LocalEndToEndTest {
    static LocalPlatform platform;
    static LocalPlatform.ApiResponse response;
    static List<String> documents;

    @BeforeAll
    static void runOneRequest() {
        platform = LocalPlatform.builder()
                .function(LocalFunction.of("MyFirstLambda", MyFirstLambda.class.getName())
                        .env(ExampleSettings.SECOND_FUNCTION_NAME, "MySecondLambda"))
                .function(LocalFunction.of("MySecondLambda", MySecondLambda.class.getName()))
                .restApi("api", "prod", "MyFirstLambda")
                .runtimeLoop(RuntimeLoop.AUTO)
                .output(line -> { })
                .start();
        response = platform.request("GET", "/hello", null);
        documents = platform.awaitDocuments();
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void onLinuxTheFunctionsRunUnderAwssRuntimeInterfaceClient() {
        if (OS.LINUX.isCurrentOs()) {
            assertThat(platform.runtimes()).containsEntry("MyFirstLambda", "AWS runtime interface client")
                    .containsEntry("MySecondLambda", "AWS runtime interface client");
        } else {
            assertThat(platform.runtimes().values()).allMatch(runtime -> runtime.startsWith("pure-Java runtime loop"));
        }
    }

    @Test
    void theApiAnswersWithTheFirstFunctionsResponse() {
        assertThat(response.status()).isEqualTo(200);
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
                .hasChild("Lambda").hasAwsField("operation", "Invoke")
                .hasChild("MySecondLambda").hasChild("MySecondLambda").subsegment("SimulatedWork");
        RecordedEntity work = trace.get("SimulatedWork");
        assertThat(work.durationMillis()).isGreaterThanOrEqualTo(1_999);
        assertThat(trace.get("MySecondLambda").origin()).isEqualTo("AWS::Lambda");
    }

    @Test
    void theViewsShowTheChain() {
        TraceReport report = TraceReport.of(documents);

        assertThat(report.waterfalls()).contains("CallSecondLambda", "SimulatedWork", "ColdStart=true");
        assertThat(report.serviceMap().render())
                .contains("client (client) → api/prod (API Gateway)")
                .contains("MyFirstLambda (Lambda function) → MySecondLambda (Lambda)");
        assertThat(report.html("examples")).contains("id=\"xray-data\"").contains("CallSecondLambda");
    }
}
