package dev.xraytracing.local.internal.services;

import com.sun.net.httpserver.HttpExchange;
import dev.xraytracing.local.internal.HttpServers;
import dev.xraytracing.local.internal.LoopbackServer;
import dev.xraytracing.local.internal.TraceIds;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Where every AWS service the run starts no engine for points ({@code AWS_ENDPOINT_URL}, which every service-specific
 * {@code AWS_ENDPOINT_URL_<SERVICE>} overrides): an honest "not simulated here". Each request is answered with
 * {@link NoEngineAnswer}, an error the SDK does not retry and whose message names the service and the operation, so a
 * function's call fails at once and its own error handling decides its answer. It never answers success. The first
 * call to each service becomes one problem line of the run.
 */
public final class NoEngineService implements AutoCloseable {
    private final LoopbackServer server;
    private final Map<String, Boolean> servicesNamed = new ConcurrentHashMap<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();

    /** Binds a free port on 127.0.0.1 and serves at once. */
    public NoEngineService() {
        server = new LoopbackServer("services without an engine", "no-engine", 0, this::handle);
        server.start();
    }

    /** The value for {@code AWS_ENDPOINT_URL}. */
    public String endpoint() {
        return "http://127.0.0.1:" + server.port();
    }

    /** One line for each service a function called, in the order first called. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            ServiceCall call = ServiceCall.of(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders(), body);
            if (servicesNamed.putIfAbsent(call.service(), Boolean.TRUE) == null) {
                problems.add(call.service() + " has no engine in this run, so its calls fail at once with "
                        + NoEngineAnswer.ERROR_CODE + " (first: " + call.operation() + ");"
                        + " to call a server of your own, --env FUNCTION:" + call.endpointVariable() + "=URL");
            }
            String message = "xray-tracing-local runs no engine for " + call.service() + " (" + call.operation()
                    + "): point " + call.endpointVariable() + " at a server of your own with --env";
            NoEngineAnswer answer = NoEngineAnswer.to(call, exchange.getRequestHeaders().getFirst("Content-Type"),
                    message, TraceIds.newRequestId(), !"HEAD".equals(exchange.getRequestMethod()));
            answer.headers().forEach(exchange.getResponseHeaders()::set);
            HttpServers.respond(exchange, answer.status(), answer.body());
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
