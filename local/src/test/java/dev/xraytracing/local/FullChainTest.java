package dev.xraytracing.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xraytracing.local.app.LocalFunction;
import dev.xraytracing.local.app.RuntimeLoop;
import dev.xraytracing.local.report.ServiceMap;
import dev.xraytracing.local.report.TraceReport;
import dev.xraytracing.testing.SegmentDocumentSchema;
import dev.xraytracing.trace.RecordedEntity;
import dev.xraytracing.trace.RecordedTrace;
import dev.xraytracing.trace.TraceDocuments;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The whole chain, under one runtime loop (see the two subclasses): a request to the API stage runs the front function in its
 * JVM, which calls the back function through the Invoke API with an unmodified SDK client; every segment reaches the
 * daemon and they form one trace.
 */
abstract class FullChainTest {
    static final long WORK_MILLIS = 300;
    static final List<String> OUTPUT = new CopyOnWriteArrayList<>();
    static LocalPlatform platform;
    static LocalPlatform.ApiResponse response;
    static List<String> documents;

    static void runOneRequest(RuntimeLoop loop) {
        platform = LocalPlatform.builder()
                .function(LocalFunction.of("Front", "dev.xraytracing.local.handlers.FrontHandler"))
                .function(LocalFunction.of("Back", "dev.xraytracing.local.handlers.BackHandler")
                        .env("WORK_MILLIS", Long.toString(WORK_MILLIS)))
                .restApi("api", "prod", "Front")
                .runtimeLoop(loop)
                .output(OUTPUT::add)
                .start();
        response = platform.request("GET", "/hello?x=1", null);
        documents = platform.awaitDocuments();
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void the_api_answers_with_the_front_functions_response() {
        assertThat(response.status()).as(String.join("\n", OUTPUT)).isEqualTo(200);
        assertThat(response.body()).isEqualTo("\"Successfully invoked Back: 200\"");
    }

    @Test
    void every_duration_is_at_least_zero_and_overhead_starts_where_the_invocation_ends() {
        RecordedTrace trace = TraceDocuments.assemble(documents).get(0);
        assertThat(trace.entities()).allSatisfy(entity ->
                assertThat(entity.durationMillis()).as(entity + "\n" + trace).isGreaterThanOrEqualTo(0));
        for (RecordedEntity overhead : trace.findAll("Overhead")) {
            RecordedEntity invocation = overhead.parent().orElseThrow().children().stream()
                    .filter(e -> e.name().equals("Invocation")).findFirst().orElseThrow();
            assertThat(overhead.startTime()).isEqualTo(invocation.endTime());
        }
    }

    @Test
    void every_document_is_schema_valid() {
        assertThat(documents).isNotEmpty();
        SegmentDocumentSchema.assertValid(documents);
        assertThat(platform.daemon().rejected()).isEmpty();
    }

    @Test
    void the_documents_form_one_trace_nested_like_the_console_shows_it() {
        List<RecordedTrace> traces = TraceDocuments.assemble(documents);
        assertThat(traces).hasSize(1);
        RecordedTrace trace = traces.get(0);
        assertThat(trace.roots()).hasSize(1);
        RecordedEntity stage = trace.roots().get(0);
        assertThat(stage.name()).isEqualTo("api/prod");
        assertThat(stage.origin()).isEqualTo("AWS::ApiGateway::Stage");

        RecordedEntity frontService = only(trace, "Front", "AWS::Lambda");
        RecordedEntity frontFunction = only(trace, "Front", "AWS::Lambda::Function");
        assertThat(frontService.parent().orElseThrow().name()).isEqualTo("Lambda");
        assertThat(frontService.parent().orElseThrow().parent().orElseThrow()).isSameAs(stage);
        assertThat(frontFunction.parent().orElseThrow()).isSameAs(frontService);

        RecordedEntity call = trace.get("CallSecondLambda");
        assertThat(call.parent().orElseThrow()).isSameAs(frontFunction);
        assertThat(call.annotations()).containsEntry("SecondLambdaStatus", 200);
        RecordedEntity invoke = call.children().get(0);
        assertThat(invoke.name()).isEqualTo("Lambda");
        assertThat(invoke.aws().operation()).isEqualTo("Invoke");

        RecordedEntity backService = only(trace, "Back", "AWS::Lambda");
        RecordedEntity backFunction = only(trace, "Back", "AWS::Lambda::Function");
        assertThat(backService.parent().orElseThrow()).isSameAs(invoke);
        assertThat(backFunction.parent().orElseThrow()).isSameAs(backService);
        RecordedEntity work = trace.get("Work");
        assertThat(work.parent().orElseThrow()).isSameAs(backFunction);
        assertThat(work.durationMillis()).isGreaterThanOrEqualTo(WORK_MILLIS - 1);
        assertThat(backFunction.children()).extracting(RecordedEntity::name)
                .contains("Initialization", "Invocation", "Overhead", "Work");
    }

    @Test
    void the_service_map_runs_client_to_api_to_front_to_back_with_counts_and_latency() {
        ServiceMap map = TraceReport.of(documents).serviceMap();

        assertThat(map.edges()).extracting(e -> e.from().id() + " -> " + e.to().id()).containsExactly(
                "client (client) -> api/prod (API Gateway)",
                "api/prod (API Gateway) -> Front (Lambda)",
                "Front (Lambda) -> Front (Lambda function)",
                "Front (Lambda function) -> Back (Lambda)",
                "Back (Lambda) -> Back (Lambda function)");
        ServiceMap.Edge frontToBack = map.edge("Front", "Back").orElseThrow();
        assertThat(frontToBack.calls()).isEqualTo(1);
        assertThat(frontToBack.averageMillis()).isGreaterThanOrEqualTo(WORK_MILLIS - 1);
        assertThat(frontToBack.errors() + frontToBack.faults()).isZero();
        assertThat(map.render()).contains("Front (Lambda function) → Back (Lambda)  1 call  avg ");
    }

    @Test
    void the_waterfall_and_the_html_page_show_every_entity() {
        TraceReport report = TraceReport.of(documents);
        String waterfall = report.waterfalls();
        String html = report.html("local run");

        for (String name : List.of("api/prod", "Front", "CallSecondLambda", "Back", "Work", "Initialization")) {
            assertThat(waterfall).contains(name);
            assertThat(html).contains(name);
        }
        assertThat(waterfall).contains("annotations {SecondLambdaStatus=200}");
        assertThat(html).contains("id=\"xray-data\"").contains("\"SecondLambdaStatus\":200").contains("<script>")
                .doesNotContain("src=\"http").doesNotContain("href=\"http").doesNotContain("@import");
    }

    /** What the platform says ran the functions. */
    abstract String expectedRuntime();

    @Test
    void the_output_says_which_runtime_ran() {
        assertThat(platform.runtimes()).containsEntry("Front", expectedRuntime())
                .containsEntry("Back", expectedRuntime());
        assertThat(OUTPUT).anyMatch(line -> line.contains("Back started under the " + expectedRuntime()));
    }

    static RecordedEntity only(RecordedTrace trace, String name, String origin) {
        List<RecordedEntity> found = trace.entities().stream()
                .filter(e -> e.name().equals(name) && origin.equals(e.origin())).toList();
        assertThat(found).as(name + " " + origin + " in\n" + trace).hasSize(1);
        return found.get(0);
    }
}
