package dev.xraytracing.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.sun.net.httpserver.HttpServer;
import dev.xraytracing.Tracing;
import dev.xraytracing.lambda.TracedRequestHandler;
import dev.xraytracing.lambda.testing.Invocation;
import dev.xraytracing.lambda.testing.LambdaInvoker;
import dev.xraytracing.trace.RecordedEntity;
import dev.xraytracing.trace.RecordedTrace;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;

class FaultRulesShowInTheTraceTest {
    private static HttpServer lambdaService;
    private static LambdaClient lambda;
    private static int served;

    @BeforeAll
    static void startService() throws Exception {
        lambdaService = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        lambdaService.createContext("/", exchange -> {
            served++;
            byte[] body = "\"ok\"".getBytes();
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        lambdaService.start();
        lambda = LambdaClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + lambdaService.getAddress().getPort()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("id", "secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    @AfterAll
    static void stopService() {
        lambda.close();
        lambdaService.stop(0);
    }

    /** Invokes a second function inside CallSecondLambda and answers 502 when that fails, as MyFirstLambda does. */
    static final class Caller extends TracedRequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
        @Override
        protected APIGatewayProxyResponseEvent handle(APIGatewayProxyRequestEvent event,
                                                      com.amazonaws.services.lambda.runtime.Context context) {
            try {
                Tracing.sub("CallSecondLambda", s -> lambda.invoke(r -> r.functionName("second")));
                return new APIGatewayProxyResponseEvent().withStatusCode(200).withBody("\"fine\"");
            } catch (AwsServiceException failure) {
                return new APIGatewayProxyResponseEvent().withStatusCode(502).withBody("\"Lambda 2 failed\"");
            }
        }
    }

    private static LambdaInvoker<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> under(String rules) {
        return LambdaInvoker.of(new Caller()).withEnvironment(Map.of(
                "XRAY_TRACING_FAULTS", rules, "XRAY_TRACING_FAULTS_SEED", "7"));
    }

    @Test
    void aThrottledInvokeIsRetriedByTheSdkAndMarkedOnItsSubsegment() {
        int before = served;
        Invocation<APIGatewayProxyResponseEvent> invocation = under("[{\"id\":\"throttle-invoke\","
                + "\"target\":\"sdk:Lambda.Invoke\",\"mode\":\"status\",\"status\":429,"
                + "\"errorCode\":\"TooManyRequestsException\"}]").invoke(new APIGatewayProxyRequestEvent());

        assertThat(invocation.output().getStatusCode()).isEqualTo(502);
        assertThat(served).as("no attempt reached the service").isEqualTo(before);
        RecordedTrace trace = invocation.trace();
        RecordedEntity call = trace.get("Lambda");
        invocation.documents().forEach(System.out::println);
        assertThat(call.annotations()).containsEntry("FaultInjected", true)
                .containsEntry("FaultRule", "throttle-invoke").containsEntry("FaultMode", "status");
        assertThat(call.isThrottle()).isTrue();
        assertThat(call.metadata()).containsKey("fault");
        assertThat(trace.get("## handleRequest").annotations()).containsEntry("FaultInjected", true);
    }

    @Test
    void injectedLatencyIsAChildSubsegmentOfItsOwn() {
        Invocation<APIGatewayProxyResponseEvent> invocation = under("{\"rules\":[{\"id\":\"slow\","
                + "\"target\":\"block:CallSecondLambda\",\"mode\":\"latency\",\"latencyMs\":30}]}")
                .invoke(new APIGatewayProxyRequestEvent());

        assertThat(invocation.output().getStatusCode()).isEqualTo(200);
        RecordedEntity injected = invocation.trace().get("FaultInjection latency 30 ms");
        assertThat(injected.parent().orElseThrow().name()).isEqualTo("CallSecondLambda");
        assertThat(injected.durationMillis()).isPositive();
        System.out.println("injected 30 ms, recorded " + injected.durationMillis() + " ms");
    }

    @Test
    void theInjectionMetadataHoldsEveryParameterOfTheRuleThatFired() {
        Invocation<APIGatewayProxyResponseEvent> slow = under("[{\"id\":\"slow\",\"target\":\"block:CallSecondLambda\","
                + "\"mode\":\"latency\",\"minMs\":5,\"maxMs\":9,\"percentage\":100}]")
                .invoke(new APIGatewayProxyRequestEvent());
        Invocation<APIGatewayProxyResponseEvent> throttled = under("sdk:Lambda.Invoke=status:429,"
                + "errorCode=TooManyRequestsException").invoke(new APIGatewayProxyRequestEvent());

        assertThat(slow.trace().get("CallSecondLambda").metadata().get("fault").get("injection"))
                .isEqualTo(Map.of("rule", "slow", "target", "block:CallSecondLambda", "mode", "latency",
                        "dryRun", false, "percentage", 100, "minMs", 5, "maxMs", 9));
        assertThat(throttled.trace().get("Lambda").metadata().get("fault").get("injection"))
                .isEqualTo(Map.of("rule", "sdk:Lambda.Invoke#1", "target", "sdk:Lambda.Invoke", "mode", "status",
                        "dryRun", false, "percentage", 100, "status", 429, "errorCode", "TooManyRequestsException"));
    }

    @Test
    void aHandlerRuleAnswersInsteadOfTheHandler() {
        int before = served;
        Invocation<APIGatewayProxyResponseEvent> invocation = under("[{\"id\":\"down\",\"target\":\"handler\","
                + "\"mode\":\"http\",\"status\":503}]").invoke(new APIGatewayProxyRequestEvent());

        assertThat(invocation.output().getStatusCode()).isEqualTo(503);
        assertThat(served).isEqualTo(before);
        assertThat(invocation.trace().get("## handleRequest").annotations())
                .containsEntry("FaultInjected", true).containsEntry("FaultMode", "http");
    }

    @Test
    void aBlockRuleThrowsItsExceptionAsTheBody() {
        Invocation<APIGatewayProxyResponseEvent> invocation = under("[{\"id\":\"boom\","
                + "\"target\":\"block:CallSecondLambda\",\"mode\":\"exception\","
                + "\"type\":\"java.lang.IllegalStateException\",\"message\":\"injected\"}]")
                .invoke(new APIGatewayProxyRequestEvent());

        assertThat(invocation.thrown()).isInstanceOf(IllegalStateException.class).hasMessage("injected");
        RecordedEntity block = invocation.trace().get("CallSecondLambda");
        assertThat(block.isFault()).isTrue();
        assertThat(block.annotations()).containsEntry("FaultRule", "boom");
    }

    @Test
    void aDryRunRecordsAndInjectsNothing() {
        Invocation<APIGatewayProxyResponseEvent> invocation = under("[{\"id\":\"dry\",\"target\":\"sdk:*\","
                + "\"mode\":\"status\",\"status\":500,\"dryRun\":true}]").invoke(new APIGatewayProxyRequestEvent());

        assertThat(invocation.output().getStatusCode()).isEqualTo(200);
        assertThat(invocation.trace().get("Lambda").annotations()).containsEntry("FaultDryRun", true)
                .doesNotContainKey("FaultInjected");
    }

    @Test
    void theKillSwitchAndInvalidRulesInjectNothing() {
        String rule = "[{\"id\":\"down\",\"target\":\"handler\",\"mode\":\"http\",\"status\":503}]";
        Invocation<APIGatewayProxyResponseEvent> killed = LambdaInvoker.of(new Caller()).withEnvironment(Map.of(
                "XRAY_TRACING_FAULTS", rule, "XRAY_TRACING_FAULTS_OFF", "true")).invoke(new APIGatewayProxyRequestEvent());
        assertThat(killed.output().getStatusCode()).isEqualTo(200);

        Invocation<APIGatewayProxyResponseEvent> invalid = under("[{\"id\":\"x\",\"target\":\"nowhere\","
                + "\"mode\":\"latency\"}, {\"target\":\"handler\"}, 42]").invoke(new APIGatewayProxyRequestEvent());
        assertThat(invalid.output().getStatusCode()).isEqualTo(200);

        Invocation<APIGatewayProxyResponseEvent> noJson = under("{not json").invoke(new APIGatewayProxyRequestEvent());
        assertThat(noJson.output().getStatusCode()).isEqualTo(200);
    }

    @Test
    void aPercentageWithASeedRepeats() {
        String rules = "[{\"id\":\"half\",\"target\":\"handler\",\"mode\":\"http\",\"status\":503,\"percentage\":50}]";
        StringBuilder first = new StringBuilder();
        StringBuilder second = new StringBuilder();
        LambdaInvoker<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> a = under(rules);
        LambdaInvoker<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> b = under(rules);
        for (int i = 0; i < 20; i++) {
            first.append(a.invoke(new APIGatewayProxyRequestEvent()).output().getStatusCode() == 503 ? 'F' : '.');
            second.append(b.invoke(new APIGatewayProxyRequestEvent()).output().getStatusCode() == 503 ? 'F' : '.');
        }
        System.out.println("seed 7, 50%: " + first);
        assertThat(first.toString()).isEqualTo(second.toString()).contains("F").contains(".");
    }

    @Test
    void withoutATraceContextFaultsStillInject() {
        assertThatThrownBy(() -> LambdaInvoker.of(new Caller()).withoutTraceHeader().withEnvironment(Map.of(
                "XRAY_TRACING_FAULTS", "[{\"id\":\"boom\",\"target\":\"handler\",\"mode\":\"exception\"}]"))
                .call(new APIGatewayProxyRequestEvent())).isInstanceOf(RuntimeException.class)
                .hasMessageContaining("boom");
    }

    @Test
    void aMatchedRuleAppliesOnlyToInvocationsWhoseEventMatchesAtEverySite() {
        LambdaInvoker<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> invoker = under("[{\"id\":\"chaos\","
                + "\"target\":\"sdk:Lambda.Invoke\",\"mode\":\"status\",\"status\":500,"
                + "\"match\":{\"path\":\"$.headers.x-chaos\",\"equals\":\"on\"}},"
                + "{\"id\":\"by-id\",\"target\":\"handler\",\"mode\":\"http\",\"status\":418,"
                + "\"match\":{\"path\":\"$.pathParameters.id\",\"startsWith\":\"test-\"}}]");

        assertThat(invoker.invoke(new APIGatewayProxyRequestEvent()).output().getStatusCode()).isEqualTo(200);
        assertThat(invoker.invoke(new APIGatewayProxyRequestEvent().withHeaders(Map.of("x-chaos", "off")))
                .output().getStatusCode()).isEqualTo(200);
        assertThat(invoker.invoke(new APIGatewayProxyRequestEvent().withHeaders(Map.of("x-chaos", "on")))
                .output().getStatusCode()).as("the SDK site sees the handler's decision").isEqualTo(502);
        assertThat(invoker.invoke(new APIGatewayProxyRequestEvent().withPathParameters(Map.of("id", "test-1")))
                .output().getStatusCode()).isEqualTo(418);
        assertThat(invoker.invoke(new APIGatewayProxyRequestEvent().withPathParameters(Map.of("id", "prod-1")))
                .output().getStatusCode()).isEqualTo(200);
    }

    @Test
    void anExistsMatchAndAnInvalidMatch() {
        LambdaInvoker<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> invoker = under("[{\"id\":\"bad\","
                + "\"target\":\"handler\",\"mode\":\"http\",\"status\":503,"
                + "\"match\":{\"path\":\"headers[0]\",\"equals\":\"x\"}},"
                + "{\"id\":\"flagged\",\"target\":\"handler\",\"mode\":\"http\",\"status\":418,"
                + "\"match\":{\"path\":\"$.headers.x-chaos\",\"exists\":true}}]");

        assertThat(invoker.invoke(new APIGatewayProxyRequestEvent()).output().getStatusCode()).isEqualTo(200);
        assertThat(invoker.invoke(new APIGatewayProxyRequestEvent().withHeaders(Map.of("x-chaos", "")))
                .output().getStatusCode()).as("the invalid rule injects nothing").isEqualTo(418);
    }

    @Test
    void appConfigRulesApplyWithoutARedeployAndTheKillSwitchWins() throws Exception {
        java.util.concurrent.atomic.AtomicReference<String> rules = new java.util.concurrent.atomic.AtomicReference<>("");
        HttpServer extension = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        extension.createContext("/applications/shop/environments/prod/configurations/faults", exchange -> {
            byte[] body = rules.get().getBytes();
            exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        extension.start();
        try {
            Map<String, String> environment = Map.of("XRAY_TRACING_FAULTS_APPCONFIG", "shop/prod/faults",
                    "AWS_APPCONFIG_EXTENSION_HTTP_PORT", String.valueOf(extension.getAddress().getPort()),
                    "XRAY_TRACING_FAULTS_APPCONFIG_POLL_SECONDS", "0");
            LambdaInvoker<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> invoker =
                    LambdaInvoker.of(new Caller()).withEnvironment(environment);
            assertThat(invoker.invoke(new APIGatewayProxyRequestEvent()).output().getStatusCode()).isEqualTo(200);
            rules.set("handler=http:503");
            assertThat(invoker.invoke(new APIGatewayProxyRequestEvent()).output().getStatusCode()).isEqualTo(503);
            rules.set("");
            assertThat(invoker.invoke(new APIGatewayProxyRequestEvent()).output().getStatusCode()).isEqualTo(200);

            rules.set("handler=http:503");
            Map<String, String> killed = new java.util.HashMap<>(environment);
            killed.put("XRAY_TRACING_FAULTS_OFF", "true");
            assertThat(LambdaInvoker.of(new Caller()).withEnvironment(killed).invoke(new APIGatewayProxyRequestEvent())
                    .output().getStatusCode()).isEqualTo(200);
        } finally {
            extension.stop(0);
        }
    }
}
