package dev.xraytracing.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xraytracing.local.app.Fault;
import dev.xraytracing.local.app.LocalFunction;
import dev.xraytracing.local.app.RuntimeLoop;
import dev.xraytracing.testing.SegmentDocumentSchema;
import dev.xraytracing.trace.RecordedEntity;
import dev.xraytracing.trace.RecordedTrace;
import dev.xraytracing.trace.TraceDocuments;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fault switch for the second function, seen from the API and in the trace. One warm platform for all. */
class FaultSwitchTest {
    static final List<String> OUTPUT = new CopyOnWriteArrayList<>();
    static LocalPlatform platform;

    @BeforeAll
    static void start() {
        platform = LocalPlatform.builder()
                .function("Front", "dev.xraytracing.local.handlers.FrontHandler")
                .function(LocalFunction.of("Back", "dev.xraytracing.local.handlers.BackHandler").env("WORK_MILLIS", "10"))
                .restApi("api", "prod", "Front")
                .extraLatency(Duration.ofMillis(400))
                .runtimeLoop(RuntimeLoop.PURE_JAVA)
                .output(OUTPUT::add)
                .start()
                .prewarm();
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @BeforeEach
    void forgetEarlierDocuments() {
        platform.awaitDocuments();
        platform.daemon().clear();
    }

    RecordedTrace requestWith(Fault fault) {
        platform.fault("Back", fault);
        LocalPlatform.ApiResponse response = platform.request("GET", "/", null);
        List<String> documents = platform.awaitDocuments();
        SegmentDocumentSchema.assertValid(documents);
        List<RecordedTrace> traces = TraceDocuments.assemble(documents);
        assertThat(traces).as("documents " + documents).hasSize(1);
        lastStatus = response.status();
        return traces.get(0);
    }

    int lastStatus;

    @Test
    void a_function_error_reaches_the_caller_as_X_Amz_Function_Error_and_faults_the_function_segment() {
        RecordedTrace trace = requestWith(Fault.FUNCTION_ERROR);

        assertThat(lastStatus).isEqualTo(200);
        assertThat(trace.get("CallSecondLambda").annotations()).containsEntry("SecondLambdaError", "Unhandled");
        RecordedEntity backFunction = FullChainTest.only(trace, "Back", "AWS::Lambda::Function");
        assertThat(backFunction.isFault()).isTrue();
        assertThat(backFunction.find(e -> e.name().equals("Invocation")).orElseThrow().exceptions().get(0).toString())
                .contains("InjectedFunctionError");
    }

    @Test
    void a_throttle_is_a_429_with_throttle_flags_and_the_function_never_runs() {
        RecordedTrace trace = requestWith(Fault.THROTTLE);

        assertThat(lastStatus).isEqualTo(502); // the front function's SDK call threw after its retries
        List<RecordedEntity> attempts = trace.entities().stream()
                .filter(e -> e.name().equals("Back") && "AWS::Lambda".equals(e.origin())).toList();
        assertThat(attempts).isNotEmpty().allMatch(e -> e.isThrottle() && e.isError()
                && e.httpStatus().orElse(0) == 429);
        assertThat(trace.find(e -> "AWS::Lambda::Function".equals(e.origin()) && e.name().equals("Back"))).isEmpty();
        assertThat(trace.get("CallSecondLambda").isFault() || trace.get("CallSecondLambda").isError()).isTrue();
    }

    @Test
    void a_server_error_is_a_500_fault_on_the_lambda_segment() {
        RecordedTrace trace = requestWith(Fault.SERVER_ERROR);

        assertThat(lastStatus).isEqualTo(502);
        assertThat(trace.entities().stream().filter(e -> e.name().equals("Back") && "AWS::Lambda".equals(e.origin())))
                .isNotEmpty().allMatch(e -> e.isFault() && e.httpStatus().orElse(0) == 500);
    }

    @Test
    void extra_latency_lengthens_the_lambda_segment_before_the_function_runs() {
        RecordedTrace trace = requestWith(Fault.LATENCY);

        assertThat(lastStatus).isEqualTo(200);
        RecordedEntity backService = FullChainTest.only(trace, "Back", "AWS::Lambda");
        RecordedEntity backFunction = FullChainTest.only(trace, "Back", "AWS::Lambda::Function");
        assertThat((backFunction.startTime() - backService.startTime()) * 1000).isGreaterThanOrEqualTo(399);
    }
}
