package dev.xraytracing.local.internal.lambda;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.xraytracing.internal.TraceHeader;
import dev.xraytracing.local.internal.HttpServers;
import dev.xraytracing.local.internal.TraceIds;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Lambda's Invoke API ({@code POST /2015-03-31/functions/{name}/invocations}) on 127.0.0.1, the endpoint an unmodified
 * SDK v2 {@code LambdaClient} reaches through {@code AWS_ENDPOINT_URL_LAMBDA}. Synchronous invocations answer with the
 * function's response; {@code Event} invocations are accepted (202) and handed to the asynchronous invoker (retries,
 * on-failure destination, dead-letter queue), in the background.
 */
public final class InvokeApiServer implements AutoCloseable {
    private static final String PREFIX = "/2015-03-31/functions/";

    /** What runs an {@code Event} invocation: Lambda's asynchronous invocation, retries and failure targets. */
    @FunctionalInterface
    public interface EventInvoker {
        void invoke(String functionNameOrArn, byte[] payload, String traceHeader);
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final AtomicInteger pendingEvents = new AtomicInteger();
    private volatile LambdaService lambda;
    private volatile EventInvoker eventInvoker;

    public InvokeApiServer(int port) {
        server = HttpServers.bind("Lambda Invoke API", port);
        executor = HttpServers.executor("invoke-api");
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    /**
     * Starts serving with {@code lambda}, {@code Event} invocations with {@code events}; the endpoint is known before,
     * for the functions' environment.
     */
    public void start(LambdaService lambdaService, EventInvoker events) {
        this.lambda = lambdaService;
        this.eventInvoker = events;
        server.start();
    }

    /** Whether no {@code Event} invocation is waiting, running or between its attempts. */
    public boolean quiet() {
        return pendingEvents.get() == 0;
    }

    /** The value for {@code AWS_ENDPOINT_URL_LAMBDA}. */
    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            if (!"POST".equals(exchange.getRequestMethod()) || !path.startsWith(PREFIX)
                    || !path.endsWith("/invocations")) {
                send(exchange, InvokeResponse.serviceError(404, "UnknownOperationException",
                        "Unknown operation " + exchange.getRequestMethod() + " " + path, TraceIds.newRequestId()));
                return;
            }
            String function = URLDecoder.decode(path.substring(PREFIX.length(), path.length() - "/invocations".length()),
                    StandardCharsets.UTF_8);
            byte[] payload = exchange.getRequestBody().readAllBytes();
            String traceHeader = exchange.getRequestHeaders().getFirst("X-Amzn-Trace-Id");
            String type = exchange.getRequestHeaders().getFirst("X-Amz-Invocation-Type");
            if ("DryRun".equals(type)) {
                send(exchange, new InvokeResponse(204, new byte[0], null, null, TraceIds.newRequestId()));
            } else if ("Event".equals(type)) {
                pendingEvents.incrementAndGet();
                executor.execute(() -> {
                    try {
                        eventInvoker.invoke(function, payload, traceHeader);
                    } finally {
                        pendingEvents.decrementAndGet();
                    }
                });
                send(exchange, new InvokeResponse(202, new byte[0], null, null, TraceIds.newRequestId()));
            } else {
                send(exchange, lambda.invoke(function, payload, traceHeader));
            }
        }
    }

    private static void send(HttpExchange exchange, InvokeResponse response) throws IOException {
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", "application/json");
        headers.set("x-amzn-RequestId", response.requestId());
        if (response.serviceErrorType() != null) {
            headers.set("x-amzn-ErrorType", response.serviceErrorType());
        } else if (response.status() == 200) {
            headers.set("X-Amz-Executed-Version", "$LATEST");
        }
        if (response.functionError() != null) {
            headers.set("X-Amz-Function-Error", response.functionError());
        }
        HttpServers.respond(exchange, response.status(), response.body());
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
