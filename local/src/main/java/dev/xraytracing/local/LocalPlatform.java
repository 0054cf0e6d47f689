package dev.xraytracing.local;

import dev.xraytracing.local.internal.ApiGatewayStage;
import dev.xraytracing.local.events.HttpApiStage;
import dev.xraytracing.local.internal.ApiRoutes;
import dev.xraytracing.local.internal.DefaultClasspath;
import dev.xraytracing.local.internal.InvokeApiServer;
import dev.xraytracing.local.internal.InvokeResponse;
import dev.xraytracing.local.internal.LambdaService;
import dev.xraytracing.local.internal.PlatformSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Lambda functions, an API Gateway REST API stage in front of the first one, and an X-Ray daemon, all on this machine.
 * Each function runs in its own JVM under AWS's runtime interface client (or the pure-Java loop where that cannot
 * load), calls other functions through the Invoke API with an unmodified SDK client, and sends its segments to the
 * daemon, next to the segments the simulated services emit themselves. Close it to stop every JVM; a shutdown hook
 * does so on Ctrl-C.
 *
 * <pre>{@code
 * try (LocalPlatform platform = LocalPlatform.builder()
 *         .function(LocalFunction.of("MyFirstLambda", "com.example.MyFirstLambda"))
 *         .function(LocalFunction.of("MySecondLambda", "com.example.MySecondLambda"))
 *         .restApi("api", "prod", "MyFirstLambda")
 *         .classpath(System.getProperty("java.class.path"))
 *         .start()) {
 *     ApiResponse response = platform.request("GET", "/hello", null);
 *     List<String> documents = platform.awaitDocuments();
 * }
 * }</pre>
 */
public final class LocalPlatform implements AutoCloseable {
    private final LocalXrayDaemon daemon;
    private final boolean ownsDaemon;
    private final InvokeApiServer invokeApi;
    private final LambdaService lambda;
    private final ApiGatewayStage stage;
    private final HttpApiStage httpApi;
    private final Thread shutdownHook;
    private final Map<String, Fault> faults;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private volatile boolean closed;

    private LocalPlatform(Builder builder) {
        faults = new ConcurrentHashMap<>(builder.faults);
        ownsDaemon = builder.daemon == null;
        daemon = ownsDaemon ? LocalXrayDaemon.start(builder.daemonPort) : builder.daemon;
        InvokeApiServer invoke = null;
        LambdaService service = null;
        ApiGatewayStage api = null;
        HttpApiStage http = null;
        try {
            invoke = new InvokeApiServer(builder.invokePort);
            PlatformSettings settings = new PlatformSettings(builder.region, builder.accountId, builder.classpath,
                    List.copyOf(builder.functions.values()), faults, builder.extraLatency,
                    builder.keepWarm, builder.runtimeLoop, builder.nativeLibrary, daemon.address(), builder.output);
            service = new LambdaService(settings, functionEnvironment(builder, invoke.endpoint()));
            if (builder.apiFunction != null) {
                api = new ApiGatewayStage(builder.apiName, builder.stage, builder.apiFunction, builder.apiPort, settings);
                api.start(service::invoke);
            } else if (!builder.routes.isEmpty()) {
                api = new ApiGatewayStage(builder.apiName, builder.stage, new ApiRoutes(builder.routes),
                        builder.apiTracing, builder.apiPort, settings);
                api.start(service::invoke);
            }
            if (!builder.httpRoutes.isEmpty()) {
                http = new HttpApiStage(builder.httpStage, new ApiRoutes(builder.httpRoutes), builder.accountId, 0);
                http.start(service::invoke);
            }
            invoke.start(service);
        } catch (RuntimeException e) {
            closeQuietly(http, api, service, invoke);
            if (ownsDaemon) {
                daemon.close();
            }
            throw e;
        }
        invokeApi = invoke;
        lambda = service;
        stage = api;
        httpApi = http;
        shutdownHook = new Thread(this::stop, "local-platform-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    private Map<String, String> functionEnvironment(Builder builder, String invokeEndpoint) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("AWS_REGION", builder.region);
        env.put("AWS_DEFAULT_REGION", builder.region);
        // Fake credentials: the local endpoints accept any signature, and real ones must never reach a child.
        env.put("AWS_ACCESS_KEY_ID", "AKIDLOCALXRAYTRACING");
        env.put("AWS_SECRET_ACCESS_KEY", "local-secret-not-used");
        env.put("AWS_SESSION_TOKEN", "local-session-token");
        env.put("AWS_XRAY_DAEMON_ADDRESS", daemon.daemonAddress());
        env.put("_AWS_XRAY_DAEMON_ADDRESS", "127.0.0.1");
        env.put("_AWS_XRAY_DAEMON_PORT", Integer.toString(daemon.address().getPort()));
        env.put("AWS_XRAY_CONTEXT_MISSING", "LOG_ERROR");
        env.put("AWS_ENDPOINT_URL_LAMBDA", invokeEndpoint);
        env.put("TZ", ":UTC");
        env.putAll(builder.environment);
        return env;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The daemon collecting every segment document of the run. */
    public LocalXrayDaemon daemon() {
        return daemon;
    }

    /** The Invoke API endpoint ({@code AWS_ENDPOINT_URL_LAMBDA} for clients outside the functions). */
    public String lambdaEndpoint() {
        return invokeApi.endpoint();
    }

    /** The API stage's URL, e.g. {@code http://127.0.0.1:54321/prod}; empty without {@link Builder#restApi}. */
    public String apiUrl() {
        return stage == null ? "" : stage.url();
    }

    /** The HTTP API's URL, e.g. {@code http://127.0.0.1:54321}; empty without {@link Builder#httpRoute}. */
    public String httpApiUrl() {
        return httpApi == null ? "" : httpApi.url();
    }

    /** Sends an HTTP request to the HTTP API (payload format 2.0, never traced by API Gateway). */
    public ApiResponse requestHttpApi(String method, String path, String body) {
        if (httpApi == null) {
            throw new IllegalStateException("no HTTP API configured: call httpRoute(...) on the builder");
        }
        return send(httpApi.url(), method, path, body, null);
    }

    /** Switches the fault injected into every following invocation of {@code functionName}. */
    public LocalPlatform fault(String functionName, Fault fault) {
        faults.put(functionName, Objects.requireNonNull(fault, "fault"));
        return this;
    }

    /** Starts every function's JVM now (in parallel), so that requests find them warm. */
    public LocalPlatform prewarm() {
        lambda.prewarm();
        return this;
    }

    /** Sends an HTTP request to the API stage, as a client on the internet would. */
    public ApiResponse request(String method, String path, String body) {
        if (stage == null) {
            throw new IllegalStateException("no REST API configured: call restApi(...) on the builder");
        }
        return request(method, path, body, null);
    }

    /** As {@link #request(String, String, String)}, with the client's own {@code X-Amzn-Trace-Id} (null: none). */
    public ApiResponse request(String method, String path, String body, String traceHeader) {
        if (stage == null) {
            throw new IllegalStateException("no REST API configured: call restApi(...) on the builder");
        }
        return send(stage.url(), method, path, body, traceHeader);
    }

    private ApiResponse send(String base, String method, String path, String body, String traceHeader) {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + (path.startsWith("/") ? path : "/" + path)))
                .method(method, publisher)
                .header("User-Agent", "xray-tracing-local-client")
                .timeout(Duration.ofMinutes(2));
        if (traceHeader != null) {
            request.header("X-Amzn-Trace-Id", traceHeader);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new ApiResponse(response.statusCode(), response.body(),
                    response.headers().firstValue("X-Amzn-Trace-Id").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Invokes a function directly, as the Invoke API would with this trace header (null starts a new trace). */
    public ApiResponse invoke(String functionName, String payload, String traceHeader) {
        InvokeResponse response = lambda.invoke(functionName, payload.getBytes(StandardCharsets.UTF_8), traceHeader);
        return new ApiResponse(response.status(), response.bodyText(), null);
    }

    /**
     * Waits until the Lambda service has sent its segments and the daemon has been quiet for a moment (at most 15 s
     * in all), and returns every document so far.
     */
    public List<String> awaitDocuments() {
        lambda.awaitSegmentsSent(5_000);
        return daemon.awaitQuiet(Duration.ofMillis(300), Duration.ofSeconds(10));
    }

    /** One-line descriptions of init errors, crashes and timeouts in the functions' JVMs, in order. */
    public List<String> problems() {
        return lambda.problems();
    }

    /** One line for each invocation that ended in a function error (function, error type, message), in order. */
    public List<String> functionErrors() {
        return lambda.functionErrors();
    }

    /** Which runtime loop ran each function (runtime interface client, or the pure-Java loop and why). */
    public Map<String, String> runtimes() {
        return lambda.runtimes();
    }

    private void stop() {
        if (closed) {
            return;
        }
        closed = true;
        closeQuietly(httpApi, stage, invokeApi, lambda);
        if (ownsDaemon) {
            daemon.close();
        }
    }

    private static void closeQuietly(AutoCloseable... closeables) {
        for (AutoCloseable closeable : closeables) {
            if (closeable != null) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    // stopping everything else matters more
                }
            }
        }
    }

    /** Stops the API stage, the Invoke API, every function JVM and (if it started it) the daemon. */
    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or ran
        }
    }

    /** An HTTP answer: status, body and, from the API stage, its {@code X-Amzn-Trace-Id} response header. */
    public record ApiResponse(int status, String body, String traceHeader) {
    }

    /** Configures a {@link LocalPlatform}. */
    public static final class Builder {
        private final Map<String, LocalFunction> functions = new LinkedHashMap<>();
        private final Map<String, Fault> faults = new LinkedHashMap<>();
        private final Map<String, String> environment = new LinkedHashMap<>();
        private String classpath = DefaultClasspath.detect();
        private String region = "us-east-1";
        private String accountId = "123456789012";
        private String apiName = "api";
        private String stage = "prod";
        private String apiFunction;
        private boolean apiTracing = true;
        private final List<ApiRoutes.Route> routes = new ArrayList<>();
        private final List<ApiRoutes.Route> httpRoutes = new ArrayList<>();
        private String httpStage = "$default";
        private Duration extraLatency = Duration.ofMillis(1500);
        private boolean keepWarm = true;
        private RuntimeLoop runtimeLoop = RuntimeLoop.AUTO;
        private Consumer<String> output = System.out::println;
        private LocalXrayDaemon daemon;
        private Path nativeLibrary;
        private int daemonPort;
        private int invokePort;
        private int apiPort;

        private Builder() {
        }

        public Builder function(LocalFunction function) {
            functions.put(function.name(), Objects.requireNonNull(function, "function"));
            return this;
        }

        /** Shorthand for {@code function(LocalFunction.of(name, handler))}. */
        public Builder function(String name, String handler) {
            return function(LocalFunction.of(name, handler));
        }

        /**
         * A REST API stage ({@code apiName/stage}) with tracing enabled whose {@code /} and {@code /{proxy+}}
         * resources (any method) invoke {@code functionName}.
         */
        public Builder restApi(String apiName, String stage, String functionName) {
            this.apiName = apiName;
            this.stage = stage;
            this.apiFunction = functionName;
            return this;
        }

        /**
         * A REST API stage ({@code apiName/stage}) whose resources are added with {@link #route}; with
         * {@code tracingEnabled} (the template's {@code TracingEnabled}) the stage starts the trace.
         */
        public Builder restApi(String apiName, String stage, boolean tracingEnabled) {
            this.apiName = apiName;
            this.stage = stage;
            this.apiTracing = tracingEnabled;
            this.apiFunction = null;
            return this;
        }

        /**
         * A resource of the REST API: {@code method} ({@code GET}, ..., or {@code ANY}) on {@code resource}
         * ({@code /orders/{id}}, {@code /{proxy+}}) invokes {@code functionName} with a proxy event.
         */
        public Builder route(String method, String resource, String functionName) {
            routes.add(new ApiRoutes.Route(method.toUpperCase(java.util.Locale.ROOT), resource, functionName));
            return this;
        }

        /** The HTTP API's stage: {@code $default} (the default) serves at the root, any other name under it. */
        public Builder httpApi(String stageName) {
            this.httpStage = Objects.requireNonNull(stageName, "stageName");
            return this;
        }

        /**
         * A route of the HTTP API (payload format 2.0): {@code method} (or {@code ANY}) on {@code path}
         * ({@code /items/{id}}, {@code /{proxy+}}) invokes {@code functionName}.
         */
        public Builder httpRoute(String method, String path, String functionName) {
            httpRoutes.add(new ApiRoutes.Route(method.toUpperCase(java.util.Locale.ROOT), path, functionName));
            return this;
        }

        /**
         * The classpath of every function's JVM (default: this JVM's, or the project's under {@code exec:java}); this module
         * and the runtime client are added when missing.
         */
        public Builder classpath(String classpath) {
            this.classpath = Objects.requireNonNull(classpath, "classpath");
            return this;
        }

        /** An environment variable for every function. */
        public Builder env(String key, String value) {
            environment.put(key, value);
            return this;
        }

        public Builder fault(String functionName, Fault fault) {
            faults.put(functionName, fault);
            return this;
        }

        /** The latency {@link Fault#LATENCY} adds; 1.5 s unless set. */
        public Builder extraLatency(Duration extraLatency) {
            this.extraLatency = extraLatency;
            return this;
        }

        /** Keep each function's JVM for the next request (true, the default), or start a new one every time. */
        public Builder keepWarm(boolean keepWarm) {
            this.keepWarm = keepWarm;
            return this;
        }

        public Builder runtimeLoop(RuntimeLoop runtimeLoop) {
            this.runtimeLoop = Objects.requireNonNull(runtimeLoop, "runtimeLoop");
            return this;
        }

        /**
         * The runtime interface client's JNI library to load instead of the one it bundles for this machine. With
         * {@link RuntimeLoop#AUTO}, a library that does not load makes the platform fall back to the pure-Java loop.
         */
        public Builder nativeLibrary(Path nativeLibrary) {
            this.nativeLibrary = nativeLibrary;
            return this;
        }

        public Builder region(String region) {
            this.region = region;
            return this;
        }

        /** Where the platform's own messages and the functions' output lines go; System.out unless set. */
        public Builder output(Consumer<String> output) {
            this.output = Objects.requireNonNull(output, "output");
            return this;
        }

        /** Uses a daemon the caller owns (and closes) instead of starting one. */
        public Builder daemon(LocalXrayDaemon daemon) {
            this.daemon = daemon;
            return this;
        }

        /** Fixed ports (0, the default, picks free ones). */
        public Builder ports(int daemonPort, int invokePort, int apiPort) {
            this.daemonPort = daemonPort;
            this.invokePort = invokePort;
            this.apiPort = apiPort;
            return this;
        }

        public LocalPlatform start() {
            if (functions.isEmpty()) {
                throw new LocalRunException("no function configured");
            }
            if (apiFunction != null && !functions.containsKey(apiFunction)) {
                throw new LocalRunException("the REST API invokes " + apiFunction + ", which is not a function here");
            }
            List<ApiRoutes.Route> allRoutes = new ArrayList<>(routes);
            allRoutes.addAll(httpRoutes);
            for (ApiRoutes.Route route : allRoutes) {
                if (!functions.containsKey(route.function())) {
                    throw new LocalRunException("the route " + route.method() + " " + route.resource()
                            + " invokes " + route.function() + ", which is not a function here");
                }
            }
            List<String> unknown = new ArrayList<>(faults.keySet());
            unknown.removeAll(functions.keySet());
            if (!unknown.isEmpty()) {
                throw new LocalRunException("a fault is set for unknown function(s) " + unknown);
            }
            return new LocalPlatform(this);
        }
    }
}
