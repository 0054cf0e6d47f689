package dev.xraytracing.examples;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.LambdaClientBuilder;

/** A local HTTP server standing in for the Lambda Invoke API, answering as told, and a client pointed at it. */
final class FakeLambdaService implements AutoCloseable {
    private final HttpServer server;
    private final List<String> invokedPaths = new CopyOnWriteArrayList<>();
    private final List<String> traceHeaders = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile String functionError;
    private volatile String body = "{\"statusCode\":200,\"body\":\"\\\"Hello from Lambda 2!\\\"\"}";

    FakeLambdaService() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            invokedPaths.add(exchange.getRequestURI().getPath());
            String header = exchange.getRequestHeaders().getFirst("X-Amzn-Trace-Id");
            if (header != null) {
                traceHeaders.add(header);
            }
            exchange.getRequestBody().readAllBytes();
            byte[] response = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("x-amzn-RequestId", "7d0f3a2e-0000-4000-8000-000000000001");
            if (functionError != null) {
                exchange.getResponseHeaders().add("X-Amz-Function-Error", functionError);
            }
            exchange.sendResponseHeaders(status, response.length);
            exchange.getResponseBody().write(response);
            exchange.close();
        });
        server.start();
    }

    FakeLambdaService answering(int status, String functionError, String body) {
        this.status = status;
        this.functionError = functionError;
        this.body = body;
        return this;
    }

    List<String> invokedPaths() {
        return invokedPaths;
    }

    List<String> traceHeaders() {
        return traceHeaders;
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A client like the example's, pointed here, that does not retry (keeps error tests fast). */
    LambdaClient client() {
        return clientBuilder().overrideConfiguration(c -> c.retryStrategy(b -> b.maxAttempts(1))).build();
    }

    /** A client builder like the example's, pointed here, with the SDK's default retries. */
    LambdaClientBuilder clientBuilder() {
        return LambdaClient.builder()
                .endpointOverride(URI.create(endpoint()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
