package dev.xraytracing.local.internal.lambda;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The Lambda Runtime API (2018-06-01) for one execution environment, on 127.0.0.1: {@code invocation/next} (long
 * poll), {@code invocation/{id}/response}, {@code invocation/{id}/error} and {@code init/error}. The runtime
 * interface client and the pure-Java fallback loop both speak it through {@code AWS_LAMBDA_RUNTIME_API}.
 */
public final class RuntimeApiServer implements AutoCloseable {
    private static final String PREFIX = "/2018-06-01/runtime/";

    private final HttpServer server;
    private final ExecutorService executor;
    private final BlockingQueue<Invocation> queue = new LinkedBlockingQueue<>();
    private final Map<String, Invocation> inFlight = new ConcurrentHashMap<>();
    private final AtomicReference<Invocation> lastAnswered = new AtomicReference<>();
    private final CompletableFuture<Long> firstPollNanos = new CompletableFuture<>();
    private final CompletableFuture<InvocationResult> initError = new CompletableFuture<>();
    private volatile boolean closed;

    public RuntimeApiServer(String functionName) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "runtime-api-" + functionName);
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext(PREFIX, this::handle);
        server.start();
    }

    /** The value for {@code AWS_LAMBDA_RUNTIME_API}: host and port, no scheme. */
    public String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Completes with System.nanoTime() when the runtime first asks for an event: its init phase is over. */
    public CompletableFuture<Long> firstPoll() {
        return firstPollNanos;
    }

    /** Completes when the runtime reports that loading the handler failed. */
    public CompletableFuture<InvocationResult> initError() {
        return initError;
    }

    /** Queues an invocation for the runtime's next poll; the caller waits on {@link Invocation#result()}. */
    public void submit(Invocation invocation) {
        inFlight.put(invocation.requestId(), invocation);
        queue.add(invocation);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring(PREFIX.length());
            String method = exchange.getRequestMethod();
            if ("GET".equals(method) && "invocation/next".equals(path)) {
                next(exchange);
            } else if ("POST".equals(method) && "init/error".equals(path)) {
                byte[] body = readAll(exchange.getRequestBody());
                initError.complete(InvocationResult.error(body, errorType(exchange), null));
                respond(exchange, 202, "{\"status\":\"OK\"}");
            } else if ("POST".equals(method) && path.startsWith("invocation/")
                    && (path.endsWith("/response") || path.endsWith("/error"))) {
                answer(exchange, path);
            } else {
                respond(exchange, 404, "{\"errorType\":\"NotFound\",\"errorMessage\":\"" + path + "\"}");
            }
        }
    }

    private void next(HttpExchange exchange) throws IOException {
        long now = System.nanoTime();
        firstPollNanos.complete(now);
        Invocation previous = lastAnswered.getAndSet(null);
        if (previous != null) {
            previous.nextPolledNanos().complete(now);
        }
        Invocation invocation = null;
        try {
            while (invocation == null && !closed) {
                invocation = queue.poll(200, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (invocation == null) {
            respond(exchange, 500, "{\"errorType\":\"ShuttingDown\"}");
            return;
        }
        invocation.markReceived();
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", "application/json");
        headers.set("Lambda-Runtime-Aws-Request-Id", invocation.requestId());
        headers.set("Lambda-Runtime-Deadline-Ms", Long.toString(invocation.deadlineEpochMillis()));
        headers.set("Lambda-Runtime-Invoked-Function-Arn", invocation.functionArn());
        if (invocation.traceHeader() != null) {
            headers.set("Lambda-Runtime-Trace-Id", invocation.traceHeader());
        }
        byte[] payload = invocation.payload();
        exchange.sendResponseHeaders(200, payload.length == 0 ? -1 : payload.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(payload);
        }
    }

    private void answer(HttpExchange exchange, String path) throws IOException {
        String rest = path.substring("invocation/".length());
        String requestId = rest.substring(0, rest.indexOf('/'));
        byte[] body = readAll(exchange.getRequestBody());
        Invocation invocation = inFlight.remove(requestId);
        if (invocation == null) {
            respond(exchange, 400, "{\"errorType\":\"InvalidRequestID\",\"errorMessage\":\"unknown request id\"}");
            return;
        }
        InvocationResult result = path.endsWith("/response")
                ? InvocationResult.success(body)
                : InvocationResult.error(body, errorType(exchange),
                        exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-XRay-Error-Cause"));
        invocation.markAnswered();
        // Set before completing, so the runtime's next poll always finds it.
        lastAnswered.set(invocation);
        invocation.result().complete(result);
        respond(exchange, 202, "{\"status\":\"OK\"}");
    }

    private static String errorType(HttpExchange exchange) {
        return exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type");
    }

    private static byte[] readAll(InputStream in) throws IOException {
        return in.readAllBytes();
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        closed = true;
        server.stop(0);
        executor.shutdownNow();
    }
}
