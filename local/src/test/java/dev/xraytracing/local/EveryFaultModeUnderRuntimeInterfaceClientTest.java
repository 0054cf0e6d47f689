package dev.xraytracing.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xraytracing.local.app.LocalFunction;
import dev.xraytracing.local.app.RuntimeLoop;
import dev.xraytracing.testing.SegmentDocumentSchema;
import dev.xraytracing.trace.RecordedEntity;
import dev.xraytracing.trace.RecordedTrace;
import dev.xraytracing.trace.TraceDocuments;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * Every fault mode on every target, on the full local chain under AWS's runtime interface client: one platform, a
 * traced front function whose rules each match one request path, and one request per rule. Each trace shows its
 * fault where it hit, and every document is schema-valid.
 */
@EnabledOnOs(value = OS.LINUX, disabledReason = "the runtime interface client ships its native library for Linux only")
class EveryFaultModeUnderRuntimeInterfaceClientTest {
    private static final String RULES = "[" + String.join(",",
            rule("sdk-latency", "sdk:Lambda.Invoke", "\"mode\":\"latency\",\"latencyMs\":60"),
            rule("sdk-status", "sdk:Lambda.Invoke", "\"mode\":\"status\",\"status\":503"),
            rule("sdk-exception", "sdk:Lambda.Invoke", "\"mode\":\"exception\",\"status\":429,"
                    + "\"errorCode\":\"TooManyRequestsException\""),
            rule("block-latency", "block:CallSecondLambda", "\"mode\":\"latency\",\"minMs\":30,\"maxMs\":50"),
            rule("block-exception", "block:CallSecondLambda", "\"mode\":\"exception\","
                    + "\"type\":\"java.lang.IllegalStateException\",\"message\":\"injected\""),
            rule("handler-http", "handler", "\"mode\":\"http\",\"status\":418"),
            rule("handler-latency", "handler", "\"mode\":\"latency\",\"latencyMs\":40"),
            rule("handler-exception", "handler", "\"mode\":\"exception\""),
            rule("handler-timeout", "handler", "\"mode\":\"timeout\""),
            rule("block-dry", "block:CallSecondLambda", "\"mode\":\"exception\",\"dryRun\":true")) + "]";

    static LocalPlatform platform;
    static final Map<String, LocalPlatform.ApiResponse> RESPONSES = new LinkedHashMap<>();
    static final Map<String, RecordedTrace> TRACES = new LinkedHashMap<>();
    static final List<String> OUTPUT = new ArrayList<>();
    static List<String> documents;

    private static String rule(String id, String target, String mode) {
        return "{\"id\":\"" + id + "\",\"target\":\"" + target + "\"," + mode
                + ",\"match\":{\"path\":\"$.path\",\"equals\":\"/fault/" + id + "\"}}";
    }

    @BeforeAll
    static void sendOneRequestPerRule() {
        platform = LocalPlatform.builder()
                .function(LocalFunction.of("Front", "dev.xraytracing.local.handlers.TracedFrontHandler")
                        .env("XRAY_TRACING_FAULTS", RULES)
                        .env("XRAY_TRACING_FAULTS_SEED", "7")
                        .timeout(Duration.ofSeconds(10))) // room for the SDK's retries on a busy machine
                .function(LocalFunction.of("Back", "dev.xraytracing.local.handlers.BackHandler")
                        .env("WORK_MILLIS", "5"))
                .restApi("api", "prod", "Front")
                .runtimeLoop(RuntimeLoop.INTERFACE_CLIENT)
                .output(OUTPUT::add)
                .start();
        // Both JVMs start before any request: Back's cold start must not count against Front's timeout (it did, at
        // load 20 on 2 cores).
        platform.prewarm();
        // "none" first: the cold start is behind us before any rule's request counts against the timeout. The timeout
        // last: it ends Front's environment, and the next request would pay a second cold start within the timeout.
        for (String id : List.of("none", "sdk-latency", "sdk-status", "sdk-exception", "block-latency", "block-exception",
                "handler-http", "handler-latency", "handler-exception", "block-dry", "handler-timeout")) {
            RESPONSES.put(id, platform.request("GET", "/fault/" + id, null));
        }
        documents = platform.awaitDocuments();
        List<RecordedTrace> traces = TraceDocuments.assemble(documents);
        RESPONSES.forEach((id, response) -> traces.stream()
                .filter(trace -> response.traceHeader().contains("Root=" + trace.traceId()))
                .findFirst().ifPresent(trace -> TRACES.put(id, trace)));
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void eachRequestAnswersAsItsFaultMakesIt() {
        Map<String, Integer> statuses = new LinkedHashMap<>();
        RESPONSES.forEach((id, response) -> statuses.put(id, response.status()));
        assertThat(statuses).as(String.join("\n", OUTPUT))
                .containsEntry("none", 200).containsEntry("sdk-latency", 200).containsEntry("block-latency", 200)
                .containsEntry("handler-latency", 200).containsEntry("block-dry", 200)
                .containsEntry("sdk-status", 502).containsEntry("sdk-exception", 502)
                .containsEntry("handler-http", 418)
                .containsEntry("block-exception", 502).containsEntry("handler-exception", 502);
        assertThat(statuses.get("handler-timeout")).isGreaterThanOrEqualTo(500);
    }

    @Test
    void sdkFaultsAreMarkedOnTheCallsSubsegmentAndTheSdkReactsAsToTheService() {
        RecordedEntity slow = sdkCall("sdk-latency");
        assertThat(slow.annotations()).containsEntry("FaultInjected", true).containsEntry("FaultMode", "latency");
        assertThat(slow.children()).extracting(RecordedEntity::name).contains("FaultInjection latency 60 ms");

        RecordedEntity unavailable = sdkCall("sdk-status");
        assertThat(unavailable.isFault()).isTrue();
        assertThat(unavailable.aws().retries()).isPositive(); // a 503 is retried
        RecordedEntity throttled = sdkCall("sdk-exception");
        assertThat(throttled.isThrottle()).isTrue();
        assertThat(throttled.aws().retries()).isPositive();
        assertThat(throttled.annotations()).containsEntry("FaultRule", "sdk-exception");
    }

    @Test
    void blockAndHandlerFaultsAreMarkedWhereTheyHit() {
        assertThat(TRACES.get("block-latency").get("CallSecondLambda").children()).extracting(RecordedEntity::name)
                .anyMatch(name -> name.startsWith("FaultInjection latency "));
        RecordedEntity failedBlock = TRACES.get("block-exception").get("CallSecondLambda");
        assertThat(failedBlock.isFault()).isTrue();
        assertThat(failedBlock.annotations()).containsEntry("FaultRule", "block-exception");
        assertThat(TRACES.get("handler-http").find("CallSecondLambda")).isEmpty(); // the handler did not run
        assertThat(handler("handler-http").annotations()).containsEntry("FaultMode", "http");
        assertThat(handler("handler-latency").children()).extracting(RecordedEntity::name)
                .contains("FaultInjection latency 40 ms");
        assertThat(handler("handler-exception").isFault()).isTrue();
    }

    @Test
    void theHandlerSubsegmentSaysFaultInjectedOnEveryFaultedTraceAndDryRunOnTheDryOne() {
        for (String id : List.of("sdk-latency", "sdk-status", "sdk-exception", "block-latency", "block-exception",
                "handler-http", "handler-latency", "handler-exception")) {
            assertThat(handler(id).annotations()).as(id).containsEntry("FaultInjected", true);
        }
        assertThat(TRACES.get("block-dry").get("CallSecondLambda").annotations()).containsEntry("FaultDryRun", true)
                .doesNotContainKey("FaultInjected");
        assertThat(handler("none").annotations()).doesNotContainKey("FaultInjected");
    }

    @Test
    void everyDocumentIsSchemaValid() {
        SegmentDocumentSchema.assertValid(documents);
    }

    private static RecordedEntity handler(String id) {
        return TRACES.get(id).get("## handleRequest");
    }

    private static RecordedEntity sdkCall(String id) {
        return TRACES.get(id).find(entity -> !entity.isSegment() && "aws".equals(entity.namespace())
                && "Invoke".equals(entity.aws().operation())
                && "AWS::Lambda::Function".equals(entity.owningSegment().origin())).orElseThrow();
    }
}
