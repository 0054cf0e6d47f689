package dev.xraytracing.local.internal.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.xraytracing.internal.TraceHeader;
import dev.xraytracing.local.internal.HttpServers;
import dev.xraytracing.local.internal.TraceIds;
import dev.xraytracing.local.internal.lambda.InvokeResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * An API Gateway HTTP API on 127.0.0.1 with Lambda integrations (payload format 2.0, or 1.0 where a route says so:
 * {@link HttpApiEvents#requestV1}). API Gateway cannot trace HTTP
 * APIs: it emits no segment and only hands the function a trace header with a new Root (the client's, if it sent
 * one) and no sampling decision, so the function's own {@code Tracing} decides whether the trace is recorded.
 */
public final class HttpApiStage extends HttpEventSource {
    private final String stage;
    private final ApiRoutes routes;
    private final String accountId;
    private final String apiId = TraceIds.newSegmentId().substring(0, 10);

    /** {@code stage} {@code $default} serves at the root; any other name is the first path segment. */
    public HttpApiStage(String stage, ApiRoutes routes, String accountId, int port) {
        super("HTTP API", "http-api", port);
        this.stage = stage;
        this.routes = routes;
        this.accountId = accountId;
    }

    @Override
    public String url() {
        return root() + (stage.equals("$default") ? "" : "/" + stage);
    }

    @Override
    void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            if (!stage.equals("$default")) {
                String prefix = "/" + stage;
                path = path.equals(prefix) ? "/" : path.startsWith(prefix + "/") ? path.substring(prefix.length())
                        : null;
            }
            Optional<ApiRoutes.Match> match = path == null ? Optional.empty()
                    : routes.match(exchange.getRequestMethod(), path);
            if (match.isEmpty()) {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                HttpServers.respond(exchange, 404, "{\"message\":\"Not Found\"}".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String requestId = TraceIds.newRequestId();
            TraceHeader client = TraceIds.readIncoming(exchange.getRequestHeaders().getFirst("X-Amzn-Trace-Id"));
            String root = client != null ? client.root() : TraceIds.newTraceId();
            String toFunction = "Root=" + root;
            byte[] body = exchange.getRequestBody().readAllBytes();
            boolean v1 = match.get().route().payloadFormatVersion().equals("1.0");
            ObjectNode event = v1
                    ? HttpApiEvents.requestV1(exchange, path, body, stage, apiId, requestId, accountId, toFunction,
                            match.get())
                    : HttpApiEvents.request(exchange, path, body, stage, apiId, requestId, accountId, toFunction,
                            match.get());
            InvokeResponse invoked = lambda().invoke(match.get().route().function(),
                    event.toString().getBytes(StandardCharsets.UTF_8), toFunction);
            HttpApiEvents.Response response = v1 ? HttpApiEvents.responseV1(invoked) : HttpApiEvents.response(invoked);
            response.headers().forEach((key, value) -> exchange.getResponseHeaders().set(key, value));
            response.cookies().forEach(cookie -> exchange.getResponseHeaders().add("Set-Cookie", cookie));
            exchange.getResponseHeaders().set("Apigw-Requestid", requestId);
            HttpServers.respond(exchange, response.status(), response.body());
        }
    }
}
