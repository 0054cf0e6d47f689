package dev.xraytracing.local.internal.services.s3;

import com.sun.net.httpserver.HttpExchange;
import dev.xraytracing.local.internal.HttpServers;
import dev.xraytracing.local.internal.LoopbackServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What functions call for S3 ({@code AWS_ENDPOINT_URL_S3}): forwards each request to S3Mock as it came and its answer
 * back as it went, and, when the answer is a success that created or deleted an object, hands the change to the
 * notifications before the caller has the answer. S3Mock itself sends no notifications. The front listens before
 * S3Mock has started: a request that comes earlier waits for it, and one that comes after S3Mock failed to start is
 * answered 503 with an S3 error naming the cause.
 */
final class S3Front implements AutoCloseable {
    /** Hop-by-hop headers, and those the JDK's client sets itself. */
    private static final Set<String> NOT_FORWARDED = Set.of("host", "connection", "content-length", "expect",
            "upgrade", "transfer-encoding", "keep-alive", "date");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CompletableFuture<String> engine;
    private final S3Notifications notifications;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicLong sequencer = new AtomicLong(System.currentTimeMillis() * 1000);
    private final LoopbackServer server;
    private final String region;
    private final String accountId;

    S3Front(CompletableFuture<String> engine, S3Notifications notifications, String region, String accountId) {
        this.engine = engine;
        this.notifications = notifications;
        this.region = region;
        this.accountId = accountId;
        this.server = new LoopbackServer("S3", "s3-front", 0, this::handle);
        server.start();
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.port();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String rawPath = exchange.getRequestURI().getRawPath();
            String rawQuery = exchange.getRequestURI().getRawQuery();
            byte[] body = exchange.getRequestBody().readAllBytes();
            String engine;
            try {
                engine = this.engine.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                HttpServers.respond(exchange, 503, new byte[0]);
                return;
            } catch (ExecutionException | CancellationException e) {
                HttpServers.respond(exchange, 503, engineDown(e.getCause() != null ? e.getCause() : e));
                return;
            }
            HttpResponse<byte[]> answer;
            try {
                answer = client.send(forward(engine, exchange, method, rawPath, rawQuery, body),
                        HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                HttpServers.respond(exchange, 503, new byte[0]);
                return;
            } catch (IOException e) {
                HttpServers.respond(exchange, 502, new byte[0]);
                return;
            }
            if (answer.statusCode() / 100 == 2) {
                ObjectChange.of(method, rawPath, rawQuery,
                                exchange.getRequestHeaders().containsKey("x-amz-copy-source"))
                        .filter(notifications::wanted)
                        // CompleteMultipartUpload can fail after a 200: its body is then an Error.
                        .filter(change -> !method.equals("POST")
                                || !new String(answer.body(), StandardCharsets.UTF_8).contains("<Error>"))
                        .ifPresent(change -> notify(engine, change, answer.headers(),
                                exchange.getRemoteAddress().getAddress().getHostAddress(),
                                exchange.getRequestHeaders().getFirst("X-Amzn-Trace-Id")));
            }
            answer.headers().map().forEach((name, values) -> {
                String lower = name.toLowerCase(Locale.ROOT);
                if (!NOT_FORWARDED.contains(lower) && !lower.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            // A HEAD answer's length is the object's (HeadObject's contentLength); the JDK's server keeps it.
            if (method.equals("HEAD")) {
                answer.headers().firstValue("Content-Length")
                        .ifPresent(length -> exchange.getResponseHeaders().set("Content-Length", length));
            }
            HttpServers.respond(exchange, answer.statusCode(), answer.body());
        }
    }

    /** What an SDK reads as an S3 error, with the engine's failure as its message. */
    private static byte[] engineDown(Throwable failure) {
        String message = String.valueOf(failure.getMessage()).replace("&", "&amp;").replace("<", "&lt;")
                .replace(">", "&gt;");
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>ServiceUnavailable</Code><Message>"
                + "S3Mock did not start: " + message + "</Message></Error>").getBytes(StandardCharsets.UTF_8);
    }

    private HttpRequest forward(String engine, HttpExchange exchange, String method, String rawPath, String rawQuery,
                                byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(engine + rawPath
                        + (rawQuery == null ? "" : "?" + rawQuery)))
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> request.header(name, value));
            }
        });
        return request.build();
    }

    /** Reads what the event says of the object now, before the caller can change it again, and hands it on. */
    private void notify(String engine, ObjectChange change, HttpHeaders answer, String sourceIp, String traceHeader) {
        long size = 0;
        String eTag = answer.firstValue("ETag").orElse("");
        Optional<String> versionId = answer.firstValue("x-amz-version-id");
        if (change.created()) {
            try {
                HttpResponse<Void> head = client.send(HttpRequest.newBuilder(URI.create(engine + change.rawPath()))
                        .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                        HttpResponse.BodyHandlers.discarding());
                size = head.headers().firstValueAsLong("Content-Length").orElse(0);
                eTag = head.headers().firstValue("ETag").orElse(eTag);
                versionId = head.headers().firstValue("x-amz-version-id");
            } catch (IOException e) {
                // the answer's ETag stands; the size is unknown
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        S3EventMessage.Details details = new S3EventMessage.Details(Instant.now(), size, eTag.replace("\"", ""),
                versionId.filter(v -> !v.equals("null")).orElse(null),
                String.format("%018X", sequencer.incrementAndGet()),
                answer.firstValue("x-amz-request-id").orElseGet(() -> token(8, false)),
                answer.firstValue("x-amz-id-2").orElseGet(() -> token(48, true)), sourceIp);
        notifications.deliver(change, configurationId -> S3EventMessage.of(change, details, configurationId, region,
                accountId), traceHeader);
    }

    private static String token(int bytes, boolean base64) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        if (base64) {
            return Base64.getEncoder().encodeToString(random);
        }
        StringBuilder hex = new StringBuilder();
        for (byte b : random) {
            hex.append(String.format("%02X", b));
        }
        return hex.toString();
    }

    @Override
    public void close() {
        server.stop();
    }
}
