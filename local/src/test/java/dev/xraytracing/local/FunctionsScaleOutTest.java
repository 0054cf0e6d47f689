package dev.xraytracing.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xraytracing.local.app.LocalFunction;
import dev.xraytracing.local.app.RuntimeLoop;
import dev.xraytracing.trace.RecordedEntity;
import dev.xraytracing.trace.RecordedTrace;
import dev.xraytracing.testing.SegmentDocumentSchema;
import dev.xraytracing.trace.TraceDocuments;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A function scales out as Lambda scales it: an invocation that finds every environment of its function busy gets a
 * new one (a cold start of its own), idle ones are reused warm, and past the platform's ceiling an invocation waits
 * for a free one, saying so once. A function's reserved concurrency refuses what goes past it, as Lambda does.
 */
class FunctionsScaleOutTest {
    static final String RECURSIVE = "dev.xraytracing.local.handlers.RecursiveHandler";
    static final String BACK = "dev.xraytracing.local.handlers.BackHandler";

    @Test
    void aFunctionThatCallsItselfGetsAnEnvironmentForEachLevel_andTheNextRequestFindsThemAllWarm() {
        List<String> output = new CopyOnWriteArrayList<>();
        try (LocalPlatform platform = LocalPlatform.builder()
                .function(LocalFunction.of("Recursive", RECURSIVE).timeout(Duration.ofSeconds(60)))
                .output(output::add).start()) {
            LocalPlatform.ApiResponse first = platform.invoke("Recursive", "{\"depth\":2}", null);
            List<RecordedTrace> firstTraces = TraceDocuments.assemble(platform.awaitDocuments());
            LocalPlatform.ApiResponse second = platform.invoke("Recursive", "{\"depth\":2}", null);
            List<String> documents = platform.awaitDocuments();
            SegmentDocumentSchema.assertValid(documents);
            List<RecordedTrace> all = TraceDocuments.assemble(documents);

            assertThat(first.body()).isEqualTo("{\"levels\":3}");
            assertThat(second.body()).isEqualTo("{\"levels\":3}");
            assertThat(platform.problems()).as("no level waited out the timeout of the one above it").isEmpty();
            assertThat(firstTraces).hasSize(1);
            assertThat(initializations(firstTraces.get(0))).as("each level started an environment").isEqualTo(3);
            RecordedTrace secondTrace = all.stream().filter(t -> !t.traceId().equals(firstTraces.get(0).traceId()))
                    .findFirst().orElseThrow();
            assertThat(functionSegments(secondTrace)).hasSize(3);
            assertThat(initializations(secondTrace)).as("the three environments were idle and warm").isZero();
            assertThat(output).filteredOn(line -> line.contains("Recursive started under"))
                    .hasSize(3)
                    .anySatisfy(line -> assertThat(line).endsWith("(environment 3: the others were busy)"));
        }
    }

    @Test
    void pastTheCeilingAnInvocationWaitsForAFreeEnvironment_andSaysSoOnce() throws InterruptedException {
        List<String> output = new CopyOnWriteArrayList<>();
        try (LocalPlatform platform = LocalPlatform.builder()
                .function(LocalFunction.of("Back", BACK).env("WORK_MILLIS", "1500"))
                .runtimeLoop(RuntimeLoop.PURE_JAVA).maxEnvironmentsPerFunction(1).output(output::add).start()) {
            ExecutorService callers = Executors.newFixedThreadPool(3);
            List<CompletableFuture<LocalPlatform.ApiResponse>> calls = new ArrayList<>();
            calls.add(CompletableFuture.supplyAsync(() -> platform.invoke("Back", "{}", null), callers));
            // Once the one environment has started, the first call holds it for its 1.5 s of work.
            long giveUp = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (output.stream().noneMatch(line -> line.contains("Back started under"))) {
                if (System.nanoTime() > giveUp) {
                    throw new AssertionError("Back's environment never started: " + output);
                }
                Thread.sleep(10); // not a spin: the JVM starting needs the cores
            }
            calls.add(CompletableFuture.supplyAsync(() -> platform.invoke("Back", "{}", null), callers));
            calls.add(CompletableFuture.supplyAsync(() -> platform.invoke("Back", "{}", null), callers));

            assertThat(calls).allSatisfy(call -> assertThat(call.join().body()).contains("Hello from Back"));
            callers.shutdown();
            List<String> documents = platform.awaitDocuments();
            SegmentDocumentSchema.assertValid(documents);
            List<RecordedTrace> traces = TraceDocuments.assemble(documents);
            assertThat(traces).hasSize(3);
            assertThat(traces.stream().mapToLong(FunctionsScaleOutTest::initializations).sum())
                    .as("one environment served all three").isEqualTo(1);
            assertThat(output).filteredOn(line -> line.contains(" busy, the most")).containsExactly(
                    "xray-tracing-local: Back has 1 environment busy, the most this run starts for one function; "
                            + "further invocations wait for one to be free (Lambda would start more)");
        }
    }

    @Test
    void aFunctionAtItsReservedConcurrencyRefusesTheNextInvocationAsLambdaDoes() {
        try (LocalPlatform platform = LocalPlatform.builder()
                .function(LocalFunction.of("Recursive", RECURSIVE).reservedConcurrency(1)
                        .timeout(Duration.ofSeconds(60)))
                .function(LocalFunction.of("Off", BACK).reservedConcurrency(0))
                .runtimeLoop(RuntimeLoop.PURE_JAVA).output(line -> { }).start()) {
            LocalPlatform.ApiResponse off = platform.invoke("Off", "{}", null);
            // The outer level holds the one slot, so its call to itself is refused (after the SDK's retries).
            LocalPlatform.ApiResponse outer = platform.invoke("Recursive", "{\"depth\":1}", null);
            List<String> documents = platform.awaitDocuments();
            SegmentDocumentSchema.assertValid(documents);
            List<RecordedTrace> traces = TraceDocuments.assemble(documents);

            assertThat(off.status()).isEqualTo(429);
            assertThat(off.body()).isEqualTo("{\"Reason\":\"ReservedFunctionConcurrentInvocationLimitExceeded\","
                    + "\"Type\":\"User\",\"message\":\"Rate Exceeded.\"}");
            assertThat(outer.body()).contains("TooManyRequestsException").contains("Rate Exceeded.");
            assertThat(traces.stream().flatMap(t -> t.segments().stream())
                    .filter(s -> "AWS::Lambda".equals(s.origin()) && s.isThrottle()))
                    .as("the refused invocations' Lambda segments, throttled").hasSizeGreaterThanOrEqualTo(2);
            assertThat(platform.problems()).isEmpty();
        }
    }

    @Test
    void aNegativeReservedConcurrencyIsRefusedAtOnce() {
        assertThatThrownBy(() -> LocalFunction.of("F", BACK).reservedConcurrency(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("reservedConcurrency must be 0 or more, got -1");
    }

    @Test
    void theCeilingIsCheckedWhenItIsSet() {
        assertThatThrownBy(() -> LocalPlatform.builder().maxEnvironmentsPerFunction(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxEnvironmentsPerFunction must be at least 1, got 0");
    }

    private static List<RecordedEntity> functionSegments(RecordedTrace trace) {
        return trace.segments().stream().filter(s -> "AWS::Lambda::Function".equals(s.origin())).toList();
    }

    private static long initializations(RecordedTrace trace) {
        return trace.entities().stream().filter(e -> "Initialization".equals(e.name())).count();
    }
}
