package dev.xraytracing.fakes;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * A local stand-in for AWS: an HTTP server on 127.0.0.1 that answers with scripted, realistic responses and records
 * what it received, and real SDK clients (static fake credentials, us-east-1, three attempts with a 5 ms backoff)
 * pointed at it. Close it after each test.
 */
public final class FakeAws implements AutoCloseable, AfterEachCallback {
    public static final String ACCESS_KEY = "AKIDFAKEEXAMPLE";
    public static final String SECRET_KEY = "fake/secret/key/never/in/traces";
    public static final String ACCOUNT_ID = "123456789012";

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private final ConcurrentLinkedDeque<Answer> answers = new ConcurrentLinkedDeque<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<SdkAutoCloseable> clients = new ArrayList<>();
    private Consumer<ClientOverrideConfiguration.Builder> overrides = o -> { };
    private final List<Socket> reservedPorts = new CopyOnWriteArrayList<>();
    private URI endpoint;

    private FakeAws() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(handlers);
        server.createContext("/", this::handle);
        server.start();
        endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public static FakeAws start() {
        try {
            return new FakeAws();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- scripting answers (served in order; when none is left the server answers 599) ----

    public FakeAws answer(int status, String contentType, String body, String... headerPairs) {
        answers.add(new Answer(status, contentType, body, headerPairs, Duration.ZERO));
        return this;
    }

    /** An AWS JSON protocol answer with a request id. */
    public FakeAws json(int status, String body, String... headerPairs) {
        String[] all = concat(headerPairs, "x-amzn-RequestId", "req-" + (answers.size() + 1));
        return answer(status, "application/x-amz-json-1.0", body, all);
    }

    /**
     * An AWS JSON error, the way Lambda and DynamoDB send them: the body's {@code __type} may carry the namespace
     * ({@code com.amazonaws.dynamodb.v20120810#ThrottlingException}), the header never does (SDK 2.34 reads the
     * header as it is).
     */
    public FakeAws jsonError(int status, String type, String message) {
        return json(status, "{\"__type\":\"" + type + "\",\"message\":\"" + message + "\"}", "x-amzn-ErrorType",
                type.substring(type.lastIndexOf('#') + 1));
    }

    /** An XML protocol answer (SNS, S3). */
    public FakeAws xml(int status, String body, String... headerPairs) {
        return answer(status, "text/xml", body, headerPairs);
    }

    /** An answer that comes only after {@code delay}: long enough for the client's attempt timeout. */
    public FakeAws slowAnswer(Duration delay, int status, String contentType, String body) {
        answers.add(new Answer(status, contentType, body, new String[0], delay));
        return this;
    }

    /**
     * Points every client built from now on at a port where nothing listens. The port stays bound, without a
     * listener, until {@link #close()}: a port freed at once could be taken by a server of a test running alongside.
     */
    public FakeAws refuseConnections() {
        try {
            Socket reserved = new Socket();
            reservedPorts.add(reserved);
            reserved.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            endpoint = URI.create("http://127.0.0.1:" + reserved.getLocalPort());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    /** Further client configuration for clients built from now on (an extra interceptor, a timeout). */
    public FakeAws withOverrides(Consumer<ClientOverrideConfiguration.Builder> more) {
        Consumer<ClientOverrideConfiguration.Builder> before = overrides;
        overrides = o -> {
            before.accept(o);
            more.accept(o);
        };
        return this;
    }

    // ---- what the server received ----

    public List<Received> received() {
        return received;
    }

    /** The X-Amzn-Trace-Id of request {@code index} (0-based), or null if it had none. */
    public String traceHeader(int index) {
        return received.get(index).header("X-Amzn-Trace-Id");
    }

    // ---- clients ----

    public LambdaClient lambda() {
        return sync(LambdaClient.builder());
    }

    public DynamoDbClient dynamoDb() {
        return sync(DynamoDbClient.builder());
    }

    public SqsClient sqs() {
        return sync(SqsClient.builder());
    }

    public SnsClient sns() {
        return sync(SnsClient.builder());
    }

    public EventBridgeClient eventBridge() {
        return sync(EventBridgeClient.builder());
    }

    public S3Client s3() {
        return sync(S3Client.builder().forcePathStyle(true));
    }

    public LambdaAsyncClient lambdaAsync() {
        return track(configure(LambdaAsyncClient.builder()).httpClientBuilder(NettyNioAsyncHttpClient.builder())
                .build());
    }

    public DynamoDbAsyncClient dynamoDbAsync() {
        return track(configure(DynamoDbAsyncClient.builder()).httpClientBuilder(NettyNioAsyncHttpClient.builder())
                .build());
    }

    private <B extends AwsClientBuilder<B, C> & software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder<B, C>,
            C extends SdkAutoCloseable> C sync(B builder) {
        return track(configure(builder).httpClientBuilder(UrlConnectionHttpClient.builder()).build());
    }

    private <B extends AwsClientBuilder<B, ?>> B configure(B builder) {
        Consumer<ClientOverrideConfiguration.Builder> more = overrides;
        return builder.region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.builder()
                        .accessKeyId(ACCESS_KEY).secretAccessKey(SECRET_KEY).accountId(ACCOUNT_ID).build()))
                .endpointOverride(endpoint)
                .overrideConfiguration(o -> {
                    o.retryStrategy(r -> r.maxAttempts(3)
                            .backoffStrategy(BackoffStrategy.fixedDelay(Duration.ofMillis(5)))
                            .throttlingBackoffStrategy(BackoffStrategy.fixedDelay(Duration.ofMillis(5))));
                    more.accept(o);
                });
    }

    private <C extends SdkAutoCloseable> C track(C client) {
        clients.add(client);
        return client;
    }

    /** As a registered extension, it closes itself after each test. */
    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        clients.forEach(SdkAutoCloseable::close);
        server.stop(0);
        handlers.shutdownNow();
        for (Socket reserved : reservedPorts) {
            try {
                reserved.close();
            } catch (IOException ignored) {
                // closing a socket that never connected frees its port either way
            }
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                    exchange.getRequestHeaders(), new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
        Answer answer = answers.poll();
        if (answer == null) {
            answer = new Answer(599, "text/plain", "no answer scripted", new String[0], Duration.ZERO);
        }
        try {
            Thread.sleep(answer.delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        byte[] body = answer.body.getBytes(StandardCharsets.UTF_8);
        Headers headers = exchange.getResponseHeaders();
        headers.add("Content-Type", answer.contentType);
        for (int i = 0; i + 1 < answer.headers.length; i += 2) {
            headers.add(answer.headers[i], answer.headers[i + 1]);
        }
        try {
            exchange.sendResponseHeaders(answer.status, body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (IOException clientWentAway) {
            // The client gave up (attempt timeout): nothing to answer.
        }
    }

    /** The hex MD5 of {@code text}, as SQS answers it for a message body (the SDK checks it). */
    public static String md5(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
            return String.format("%032x", new BigInteger(1, digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = new String[first.length + more.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    private static final class Answer {
        final int status;
        final String contentType;
        final String body;
        final String[] headers;
        final Duration delay;

        Answer(int status, String contentType, String body, String[] headers, Duration delay) {
            this.status = status;
            this.contentType = contentType;
            this.body = body;
            this.headers = headers;
            this.delay = delay;
        }
    }

    /** One request as the server saw it. */
    public static final class Received {
        public final String method;
        public final String uri;
        public final Map<String, List<String>> headers;
        public final String body;

        Received(String method, String uri, Map<String, List<String>> headers, String body) {
            this.method = method;
            this.uri = uri;
            this.headers = Map.copyOf(headers);
            this.body = body;
        }

        public String header(String name) {
            for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
                if (entry.getKey().equalsIgnoreCase(name)) {
                    return entry.getValue().get(0);
                }
            }
            return null;
        }
    }
}
