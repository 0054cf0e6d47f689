package dev.xraytracing.local.internal.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.xraytracing.internal.TraceHeader;
import dev.xraytracing.local.internal.Clock;
import dev.xraytracing.local.internal.DaemonWireFormat;
import dev.xraytracing.local.internal.HttpServers;
import dev.xraytracing.local.internal.SegmentBuilder;
import dev.xraytracing.local.internal.TraceIds;
import dev.xraytracing.local.internal.lambda.InvokeResponse;
import dev.xraytracing.local.internal.lambda.PlatformSettings;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One stage of an API Gateway REST API with Lambda proxy integrations: {@code http://127.0.0.1:port/{stage}/...}.
 * It matches the request to a resource ({@link ApiRoutes}; none is API Gateway's 403), calls that resource's function
 * with a REST proxy event (payload format 1.0) and maps its answer to the HTTP response. With X-Ray tracing enabled it
 * starts the trace (or continues the client's) and emits its stage segment with the {@code Lambda} subsegment under
 * which the function's segments hang.
 */
public final class ApiGatewayStage extends HttpEventSource {
    private final String apiName;
    private final String stage;
    private final ApiRoutes routes;
    private final boolean tracingEnabled;
    private final String restApiId = TraceIds.newSegmentId().substring(0, 10);
    private final PlatformSettings settings;

    public ApiGatewayStage(String apiName, String stage, String functionName, int port, PlatformSettings settings) {
        this(apiName, stage, new ApiRoutes(List.of(new ApiRoutes.Route("ANY", "/", functionName),
                new ApiRoutes.Route("ANY", "/{proxy+}", functionName))), true, port, settings);
    }

    /**
     * A stage with these resources; with {@code tracingEnabled} it starts (or continues) the trace and emits its
     * segment, without it the function's own tracing setting decides, as in API Gateway.
     */
    public ApiGatewayStage(String apiName, String stage, ApiRoutes routes, boolean tracingEnabled, int port,
                           PlatformSettings settings) {
        super("API Gateway stage", "api-gateway", port);
        this.apiName = apiName;
        this.stage = stage;
        this.routes = routes;
        this.tracingEnabled = tracingEnabled;
        this.settings = settings;
    }

    /** The stage's invoke URL, like {@code https://{id}.execute-api.{region}.amazonaws.com/{stage}}. */
    @Override
    public String url() {
        return root() + "/" + stage;
    }

    @Override
    void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Instant start = Clock.now();
            String path = exchange.getRequestURI().getRawPath();
            String stagePrefix = "/" + stage;
            if (!path.equals(stagePrefix) && !path.startsWith(stagePrefix + "/")) {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                HttpServers.respond(exchange, 403, "{\"message\":\"Forbidden\"}".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String resourcePath = path.substring(stagePrefix.length());
            if (resourcePath.isEmpty()) {
                resourcePath = "/";
            }
            Optional<ApiRoutes.Match> match = routes.match(exchange.getRequestMethod(), resourcePath);
            if (match.isEmpty()) {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                HttpServers.respond(exchange, 403, "{\"message\":\"Missing Authentication Token\"}"
                        .getBytes(StandardCharsets.UTF_8));
                return;
            }
            String functionName = match.get().route().function();
            String requestId = TraceIds.newRequestId();
            String clientHeader = exchange.getRequestHeaders().getFirst("X-Amzn-Trace-Id");
            TraceHeader client = TraceIds.readIncoming(clientHeader);
            TraceHeader trace = client == null ? TraceIds.newTrace() : client;
            String stageSegmentId = TraceIds.newSegmentId();
            String lambdaSubsegmentId = TraceIds.newSegmentId();
            // Untraced, the stage passes on what the client sent, and the function's tracing setting decides.
            String toFunction = tracingEnabled
                    ? trace.withParent(lambdaSubsegmentId).toString()
                    : clientHeader;
            byte[] body = exchange.getRequestBody().readAllBytes();
            ObjectNode event = ProxyEvents.request(exchange, resourcePath, body, stage, restApiId, requestId,
                    settings.accountId(), toFunction, match.get());

            Instant lambdaStart = Clock.now();
            InvokeResponse invoked = lambda().invoke(functionName, event.toString().getBytes(StandardCharsets.UTF_8),
                    toFunction);
            Instant lambdaEnd = Clock.now();
            ProxyEvents.Response response = ProxyEvents.response(invoked);
            response.headers().forEach((key, value) -> exchange.getResponseHeaders().set(key, value));
            exchange.getResponseHeaders().set("x-amzn-RequestId", requestId);
            if (tracingEnabled) {
                exchange.getResponseHeaders().set("X-Amzn-Trace-Id", "Root=" + trace.root());
            }
            HttpServers.respond(exchange, response.status(), response.body());
            Instant end = Clock.now();

            if (tracingEnabled && trace.isSampled()) {
                DaemonWireFormat.send(settings.daemon(), stageSegment(exchange, trace, stageSegmentId,
                        lambdaSubsegmentId, requestId, start, end, lambdaStart, lambdaEnd, response.status(),
                        response.body().length, invoked, functionName).toString());
            }
        }
    }

    private JsonNode stageSegment(HttpExchange exchange, TraceHeader trace, String id, String lambdaSubsegmentId,
                                  String requestId, Instant start, Instant end, Instant lambdaStart, Instant lambdaEnd,
                                  int status, int length, InvokeResponse invoked, String functionName) {
        SegmentBuilder segment = SegmentBuilder.segment(apiName + "/" + stage, id, trace.root())
                .put("parent_id", trace.parent())
                .times(start, end)
                .put("origin", "AWS::ApiGateway::Stage")
                .put("resource_arn", "arn:aws:apigateway:" + settings.region() + "::/restapis/" + restApiId
                        + "/stages/" + stage)
                .status(status);
        segment.objectAt("http", "response").put("content_length", length);
        ObjectNode request = segment.objectAt("http", "request");
        request.put("url", url() + exchange.getRequestURI().getRawPath().substring(stage.length() + 1));
        request.put("method", exchange.getRequestMethod());
        request.put("client_ip", exchange.getRemoteAddress().getAddress().getHostAddress());
        String userAgent = exchange.getRequestHeaders().getFirst("User-Agent");
        if (userAgent != null) {
            request.put("user_agent", userAgent);
        }
        request.put("x_forwarded_for", true);
        segment.objectAt("aws", "api_gateway").put("account_id", settings.accountId())
                .put("rest_api_id", restApiId).put("stage", stage).put("request_id", requestId);

        String arn = settings.functionArn(functionName);
        SegmentBuilder call = SegmentBuilder.subsegment("Lambda", lambdaSubsegmentId)
                .times(lambdaStart, lambdaEnd)
                .put("namespace", "aws")
                .status(invoked.status());
        call.objectAt("http", "request").put("url", "https://lambda." + settings.region()
                + ".amazonaws.com/2015-03-31/functions/" + arn + "/invocations").put("method", "POST");
        call.objectAt("http", "response").put("content_length", invoked.body().length);
        ObjectNode aws = call.objectAt("aws");
        aws.put("function_name", functionName).put("region", settings.region()).put("operation", "Invoke")
                .put("request_id", invoked.requestId());
        aws.putArray("resource_names").add(functionName);
        if (invoked.functionError() != null) {
            call.json().put("error", true);
            aws.put("function_error", invoked.functionError());
        }
        segment.add(call);
        return segment.json();
    }

    static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
