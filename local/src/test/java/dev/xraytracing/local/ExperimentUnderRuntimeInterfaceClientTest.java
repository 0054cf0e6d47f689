package dev.xraytracing.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xraytracing.local.internal.experiment.ExperimentRunner;
import dev.xraytracing.local.internal.experiment.RequestOutcome;
import dev.xraytracing.testing.SegmentDocumentSchema;
import dev.xraytracing.trace.RecordedEntity;
import dev.xraytracing.trace.RecordedTrace;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code LocalRun --experiment} end to end under AWS's runtime interface client: five requests without rules, then
 * five with {@code Lambda.Invoke} throttled (429) in the front function. The SDK retries each throttled call, the
 * front function fails, and every failure of the faulted phase leads to the injected fault.
 */
@EnabledOnOs(value = OS.LINUX, disabledReason = "the runtime interface client ships its native library for Linux only")
class ExperimentUnderRuntimeInterfaceClientTest {
    static final String EXPERIMENT = """
            {"requests": 5, "warmup": 1, "seed": 7,
             "rules": [{"id": "throttle-invoke", "target": "sdk:Lambda.Invoke", "mode": "status", "status": 429}]}
            """;

    @TempDir
    static Path dir;
    static final List<ExperimentRunner.Result> RESULTS = new ArrayList<>();
    static String output;
    static int exit;

    @BeforeAll
    static void runTheExperiment() throws Exception {
        Path experiment = Files.writeString(dir.resolve("experiment.json"), EXPERIMENT);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        exit = LocalRun.run(new PrintStream(bytes, true, StandardCharsets.UTF_8), RESULTS::add,
                "--runtime", "ric", "--quiet", "--html", dir.resolve("report.html").toString(),
                "--first", "Front=dev.xraytracing.local.handlers.FrontHandler",
                "--second", "Back=dev.xraytracing.local.handlers.BackHandler",
                "--env", "Back:WORK_MILLIS=20", "--experiment", experiment.toString());
        output = bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void the_baseline_succeeds_and_the_faulted_phase_fails_every_request() {
        assertThat(exit).as(output).isZero();
        ExperimentRunner.Result result = RESULTS.get(0);
        assertThat(result.baseline().requests()).extracting(RequestOutcome::status).containsOnly(200).hasSize(5);
        assertThat(result.faulted().requests()).extracting(RequestOutcome::status).containsOnly(502).hasSize(5);
        assertThat(output).contains("success rate", "100 % (5/5)", "0 % (0/5)", "latency p50", "latency p99",
                "every failure of the faulted phase is explained by an injected fault");
    }

    @Test
    void the_sdk_retries_every_throttled_invoke_and_the_summary_counts_the_attempts() {
        ExperimentRunner.Result result = RESULTS.get(0);
        List<RecordedEntity> baselineCalls = sdkCalls(result.baseline().traces());
        List<RecordedEntity> faultedCalls = sdkCalls(result.faulted().traces());
        assertThat(baselineCalls).hasSize(5).allSatisfy(call -> assertThat(call.aws().retries()).isZero());
        assertThat(faultedCalls).hasSize(5).allSatisfy(call -> {
            assertThat(call.aws().retries()).isPositive();
            assertThat(call.isThrottle()).isTrue();
            assertThat(call.annotations()).containsEntry("FaultRule", "throttle-invoke")
                    .containsEntry("FaultInjected", true);
        });
        int attempts = faultedCalls.get(0).aws().retries() + 1;
        assertThat(output).containsPattern("Lambda\\.Invoke +1\\.00 \\(5 calls, max 1\\) +" + attempts
                + "\\.00 \\(5 calls, max " + attempts + "\\)");
        assertThat(output).containsPattern("CallSecondLambda +0 +5");
    }

    @Test
    void only_the_measured_requests_traces_are_kept_and_every_document_is_schema_valid() {
        ExperimentRunner.Result result = RESULTS.get(0);
        assertThat(result.baseline().traces()).hasSize(5);
        assertThat(result.faulted().traces()).hasSize(5);
        assertThat(result.faulted().traces()).extracting(RecordedTrace::traceId)
                .containsExactlyInAnyOrderElementsOf(result.faulted().requests().stream()
                        .map(RequestOutcome::traceId).toList());
        SegmentDocumentSchema.assertValid(result.baseline().documents());
        SegmentDocumentSchema.assertValid(result.faulted().documents());
    }

    @Test
    void the_html_report_holds_both_phases_and_the_comparison() throws Exception {
        String html = Files.readString(dir.resolve("report.html"));
        ExperimentRunner.Result result = RESULTS.get(0);
        assertThat(html).contains("<section id=\"experiment\"", "Experiment: baseline and faulted", "success rate",
                "Lambda.Invoke", "every failure of the faulted phase is explained");
        for (RecordedTrace trace : result.baseline().traces()) {
            assertThat(html).contains(trace.traceId());
        }
        for (RecordedTrace trace : result.faulted().traces()) {
            assertThat(html).contains(trace.traceId());
        }
        assertThat(html).contains("10 traces");
    }

    private static List<RecordedEntity> sdkCalls(List<RecordedTrace> traces) {
        return traces.stream().flatMap(t -> t.entities().stream())
                .filter(e -> !e.isSegment() && "aws".equals(e.namespace()) && "Invoke".equals(e.aws().operation())
                        && "AWS::Lambda::Function".equals(e.owningSegment().origin()))
                .toList();
    }
}
