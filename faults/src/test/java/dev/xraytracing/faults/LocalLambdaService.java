package dev.xraytracing.faults;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.lambda.LambdaClient;

/** A Lambda Invoke endpoint on 127.0.0.1 that answers 200, and a client with the SDK's retry policy pointed at it. */
final class LocalLambdaService implements AutoCloseable {
    private final HttpServer server;
    private final AtomicInteger served = new AtomicInteger();

    LocalLambdaService() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            served.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            byte[] body = "\"ok\"".getBytes();
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    /** How many requests reached the service. */
    int served() {
        return served.get();
    }

    /**
     * The SDK's default retry strategy for the client, at 3 attempts, with its waits cut to nothing (the retry
     * decisions, which errors are retried and which are throttling, stay the SDK's).
     */
    LambdaClient client() {
        return LambdaClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("id", "secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.apiCallTimeout(Duration.ofSeconds(30)).retryStrategy(b -> b.maxAttempts(3)
                        .backoffStrategy(BackoffStrategy.retryImmediately())
                        .throttlingBackoffStrategy(BackoffStrategy.retryImmediately())))
                .build();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
