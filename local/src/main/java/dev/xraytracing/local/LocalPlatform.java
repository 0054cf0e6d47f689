package dev.xraytracing.local;

import dev.xraytracing.local.app.Fault;
import dev.xraytracing.local.app.LocalFunction;
import dev.xraytracing.local.app.RuntimeLoop;
import dev.xraytracing.local.app.LocalRunException;
import dev.xraytracing.local.daemon.LocalXrayDaemon;
import dev.xraytracing.local.internal.TraceIds;
import dev.xraytracing.local.internal.entry.BusEvent;
import dev.xraytracing.local.internal.entry.DeadLetters;
import dev.xraytracing.local.internal.entry.EntryTargets;
import dev.xraytracing.local.internal.entry.Producers;
import dev.xraytracing.local.internal.entry.QuietWait;
import dev.xraytracing.local.internal.events.ApiRoutes;
import dev.xraytracing.local.internal.lambda.DefaultClasspath;
import dev.xraytracing.local.internal.lambda.InvokeResponse;
import dev.xraytracing.local.internal.otlp.OtlpEndpoint;
import dev.xraytracing.local.template.FunctionEvent;
import dev.xraytracing.local.template.AsyncInvokeConfig;
import dev.xraytracing.local.template.TemplateFunction;
import dev.xraytracing.local.template.TemplateResource;
import dev.xraytracing.local.template.TemplateSetup;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Lambda functions, an API Gateway REST API stage in front of the first one, and an X-Ray daemon, all on this machine.
 * Each function runs in its own JVM under AWS's runtime interface client (or the pure-Java loop where that cannot
 * load), calls other functions through the Invoke API with an unmodified SDK client, and sends its segments to the
 * daemon, next to the segments the simulated services emit themselves. Close it to stop every JVM; a shutdown hook
 * does so on Ctrl-C. The README's "Your own functions, from Java" shows it in use; {@link Builder#template} runs what
 * a SAM template declares. The services behind it are wired by {@code RunningServices}. Besides its APIs, the app is
 * entered as a producer would ({@link #sendMessage}, {@link #publish}, {@link #putEvents}, {@link #fireSchedule}) and
 * {@link #awaitQuiet} waits until it is done.
 */
public final class LocalPlatform implements AutoCloseable {
    private final RunningServices services;
    private final Thread shutdownHook;
    private final Map<String, Fault> faults;
    private final ApiClient client = new ApiClient();
    private final List<TemplateResource> resources;
    /** The ARNs functions send failed asynchronous events to (dead-letter queues and on-failure destinations). */
    private final List<String> functionFailureTargets;
    private final EntryTargets targets;
    private final Producers producers;
    private volatile boolean closed;

    private LocalPlatform(Builder builder) {
        faults = new ConcurrentHashMap<>(builder.faults);
        services = new RunningServices(builder, faults);
        resources = List.copyOf(builder.resources);
        functionFailureTargets = builder.asyncInvokes.values().stream()
                .flatMap(config -> config.failureTargets().stream()).toList();
        targets = new EntryTargets(builder.resources, builder.events, builder.functionNames);
        producers = new Producers(this::serviceEndpoint, builder.region);
        shutdownHook = new Thread(this::stop, "local-platform-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The daemon collecting every segment document of the run. */
    public LocalXrayDaemon daemon() {
        return services.daemon;
    }

    /** The Invoke API endpoint ({@code AWS_ENDPOINT_URL_LAMBDA} for clients outside the functions). */
    public String lambdaEndpoint() {
        return services.invokeApi.endpoint();
    }

    /** The API stage's URL, e.g. {@code http://127.0.0.1:54321/prod}; empty without {@link Builder#restApi}. */
    public String apiUrl() {
        return services.restApi == null ? "" : services.restApi.url();
    }

    /** The HTTP API's URL, e.g. {@code http://127.0.0.1:54321}; empty without {@link Builder#httpRoute}. */
    public String httpApiUrl() {
        return services.httpApi == null ? "" : services.httpApi.url();
    }

    /** Sends an HTTP request to the HTTP API (payload format 2.0, never traced by API Gateway). */
    public ApiResponse requestHttpApi(String method, String path, String body) {
        return requestHttpApi(method, path, Map.of(), body);
    }

    /** As {@link #requestHttpApi(String, String, String)}, with the client's headers (a name may repeat). */
    public ApiResponse requestHttpApi(String method, String path, Map<String, List<String>> headers, String body) {
        return requestHttpApi(method, path, headers, body, null);
    }

    /** As {@link #requestHttpApi(String, String, Map, String)}, with the client's {@code X-Amzn-Trace-Id}. */
    ApiResponse requestHttpApi(String method, String path, Map<String, List<String>> headers, String body,
                               String traceHeader) {
        if (services.httpApi == null) {
            throw new IllegalStateException("no HTTP API configured: call httpRoute(...) on the builder");
        }
        return client.send(services.httpApi.url(), method, path, headers, body, traceHeader);
    }

    private String restApiUrl() {
        if (services.restApi == null) {
            throw new IllegalStateException("no REST API configured: call restApi(...) on the builder");
        }
        return services.restApi.url();
    }

    /** Switches the fault injected into every following invocation of {@code functionName}. */
    public LocalPlatform fault(String functionName, Fault fault) {
        faults.put(functionName, Objects.requireNonNull(fault, "fault"));
        return this;
    }

    /** Starts every function's JVM now (in parallel), so that requests find them warm. */
    public LocalPlatform prewarm() {
        services.lambda.prewarm();
        return this;
    }

    /** Sends an HTTP request to the API stage, as a client on the internet would. */
    public ApiResponse request(String method, String path, String body) {
        return request(method, path, body, null);
    }

    /** As {@link #request(String, String, String)}, with the client's own {@code X-Amzn-Trace-Id} (null: none). */
    public ApiResponse request(String method, String path, String body, String traceHeader) {
        return client.send(restApiUrl(), method, path, body, traceHeader);
    }

    /** As {@link #request(String, String, String)}, with the client's headers (a name may repeat). */
    public ApiResponse request(String method, String path, Map<String, List<String>> headers, String body) {
        return request(method, path, headers, body, null);
    }

    /** As {@link #request(String, String, Map, String)}, with the client's {@code X-Amzn-Trace-Id} (null: none). */
    ApiResponse request(String method, String path, Map<String, List<String>> headers, String body,
                        String traceHeader) {
        return client.send(restApiUrl(), method, path, headers, body, traceHeader);
    }

    /**
     * Where the app's service behind {@code endpointVariable} listens ({@code AWS_ENDPOINT_URL_SQS}, ..._SNS,
     * ..._EVENTBRIDGE, ..._DYNAMODB, ..._S3, ..._LAMBDA), if this app runs it: the value its functions get.
     */
    public Optional<String> serviceEndpoint(String endpointVariable) {
        if ("AWS_ENDPOINT_URL_LAMBDA".equals(endpointVariable)) {
            return Optional.of(lambdaEndpoint());
        }
        return Optional.ofNullable(services.appServices.endpoints().get(endpointVariable));
    }

    /**
     * Sends {@code body} to a queue of the template (its logical id, name, ARN or URL) with an SDK v2 SqsClient, as a
     * producer would, in a new sampled trace; the answer is 200 and the message id, or the SQS error's status and
     * {@code Code: message}, and its {@link ApiResponse#traceHeader()} the trace header sent with it.
     */
    public ApiResponse sendMessage(String queue, String body) {
        return sendMessage(queue, body, null);
    }

    /** As {@link #sendMessage(String, String)}, in the trace {@code traceHeader} names (null: a new one). */
    ApiResponse sendMessage(String queue, String body, String traceHeader) {
        String trace = traceHeader != null ? traceHeader : TraceIds.newTrace().toString();
        return answer(producers.sendMessage(targets.queue(queue), body, trace), trace);
    }

    /** Publishes {@code message} to a topic of the template (logical id, name or ARN), as {@link #sendMessage}. */
    public ApiResponse publish(String topic, String message) {
        return publish(topic, message, null);
    }

    /** As {@link #publish(String, String)}, in the trace {@code traceHeader} names (null: a new one). */
    ApiResponse publish(String topic, String message, String traceHeader) {
        String trace = traceHeader != null ? traceHeader : TraceIds.newTrace().toString();
        return answer(producers.publish(targets.topic(topic), message, trace), trace);
    }

    /**
     * Puts events on their buses in one {@code PutEvents} call, as {@link #sendMessage}: {@code eventsJson} is one
     * event ({@code Source}, {@code DetailType}, {@code Detail}, optionally {@code EventBusName}, the default bus
     * unless named, and {@code Resources}) or an array of them; the answer's body is the events' ids.
     */
    public ApiResponse putEvents(String eventsJson) {
        return putEvents(eventsJson, null);
    }

    /** As {@link #putEvents(String)}, in the trace {@code traceHeader} names (null: a new one). */
    ApiResponse putEvents(String eventsJson, String traceHeader) {
        List<BusEvent> events = BusEvent.parse(eventsJson, "the events");
        List<String> buses = events.stream().map(e -> targets.bus(e.eventBusName())).toList();
        String trace = traceHeader != null ? traceHeader : TraceIds.newTrace().toString();
        return answer(producers.putEvents(events, buses, trace), trace);
    }

    /**
     * Fires a schedule now, as if its time had come: {@code FUNCTION.EventName} for a function's {@code Schedule}
     * event, or an {@code AWS::Events::Rule} with a {@code ScheduleExpression}. As in AWS, a scheduled invocation
     * starts a trace of its own. Returns at once; {@link #awaitQuiet} waits for what it started.
     */
    public void fireSchedule(String schedule) {
        String id = targets.schedule(schedule);
        services.appServices.schedules().orElseThrow(() -> new LocalRunException("schedule " + schedule
                + " cannot fire: this build runs no schedule service yet")).fire(id);
    }

    /**
     * Waits until no invocation is in flight in the Lambda service and every service is quiet (no message visible
     * or in flight, no delivery pending), polling every few milliseconds, at most {@code timeout}; returns whether
     * the app became quiet.
     */
    public boolean awaitQuiet(Duration timeout) {
        return QuietWait.onSystemClock().until(this::quiet, timeout);
    }

    /** Whether no invocation is in flight and every service is quiet, now. */
    boolean quiet() {
        return services.lambda.invocationsInFlight() == 0 && services.invokeApi.quiet()
                && services.appServices.quiet();
    }

    /** The services' lines for the end of a run, e.g. what each queue holds (dead-letter queues especially). */
    public List<String> summary() {
        return services.appServices.summary();
    }

    /**
     * The messages each dead-letter queue holds (the queues another queue's {@code RedrivePolicy} names, and the
     * queues a function's {@code DeadLetterQueue} or {@code OnFailure} destination names), by logical id, read from the
     * SQS engine; empty when no SQS engine runs.
     */
    public Map<String, Integer> deadLetters() {
        return DeadLetters.count(resources, functionFailureTargets, producers);
    }

    /**
     * One line for each invocation by an event source (queue, topic, bus, schedule, bucket) that ended in a function
     * or Lambda error; reporting records in {@code batchItemFailures} is an answer, not an error.
     */
    List<String> eventSourceErrors() {
        return List.copyOf(services.eventSourceErrors);
    }

    private static ApiResponse answer(Producers.Delivery delivery, String traceHeader) {
        return new ApiResponse(delivery.status(), delivery.answer(), traceHeader);
    }

    /** Invokes a function directly, as the Invoke API would with this trace header (null starts a new trace). */
    public ApiResponse invoke(String functionName, String payload, String traceHeader) {
        InvokeResponse response = services.lambda.invoke(functionName, payload.getBytes(StandardCharsets.UTF_8),
                traceHeader);
        return new ApiResponse(response.status(), response.bodyText(), null);
    }

    /**
     * As {@link #invoke}, with a function error answering 502 (what API Gateway answers for one) and
     * {@code traceHeader} as the answer's, for a run that counts answers.
     */
    ApiResponse invokeCounted(String functionName, String payload, String traceHeader) {
        InvokeResponse response = services.lambda.invoke(functionName, payload.getBytes(StandardCharsets.UTF_8),
                traceHeader);
        return new ApiResponse(response.functionError() != null ? 502 : response.status(), response.bodyText(),
                traceHeader);
    }

    /**
     * Waits until the Lambda service has sent its segments, the daemon has read every datagram sent so far, and it has
     * been quiet for a moment (at most 20 s in all), and returns every document so far.
     */
    public List<String> awaitDocuments() {
        services.lambda.awaitSegmentsSent(5_000);
        services.daemon.awaitSentSoFar(Duration.ofSeconds(5));
        return services.daemon.awaitQuiet(Duration.ofMillis(300), Duration.ofSeconds(10));
    }

    /**
     * One-line descriptions of init errors, crashes and timeouts in the functions' JVMs, in order, then one for each
     * AWS service the functions called that this run has no engine for (their calls failed at once).
     */
    public List<String> problems() {
        return services.problems();
    }

    /** One line for each invocation that ended in a function error (function, error type, message), in order. */
    public List<String> functionErrors() {
        return services.lambda.functionErrors();
    }

    /** Which runtime loop ran each function (runtime interface client, or the pure-Java loop and why). */
    public Map<String, String> runtimes() {
        return services.lambda.runtimes();
    }

    private void stop() {
        if (closed) {
            return;
        }
        closed = true;
        producers.close();
        services.stop();
    }

    /**
     * Stops the entries' SDK clients, the API stage, the app's services, the Invoke API, every function JVM and (if it
     * started it) the daemon.
     */
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
        final Map<String, LocalFunction> functions = new LinkedHashMap<>();
        final Map<String, Fault> faults = new LinkedHashMap<>();
        final Map<String, String> environment = new LinkedHashMap<>();
        String classpath = DefaultClasspath.detect();
        String region = "us-east-1";
        String accountId = "123456789012";
        String apiName = "api";
        String stage = "prod";
        String apiFunction;
        boolean apiTracing = true;
        final List<ApiRoutes.Route> routes = new ArrayList<>();
        final List<ApiRoutes.Route> httpRoutes = new ArrayList<>();
        final List<TemplateResource> resources = new ArrayList<>();
        final Map<String, List<FunctionEvent>> events = new LinkedHashMap<>();
        /** Each template function's logical id to its name, so entries may name either. */
        final Map<String, String> functionNames = new LinkedHashMap<>();
        /** What each template function's failed asynchronous invocations do, by function name. */
        final Map<String, AsyncInvokeConfig> asyncInvokes = new LinkedHashMap<>();
        String httpStage = "$default";
        Duration extraLatency = Duration.ofMillis(1500);
        boolean keepWarm = true;
        int maxEnvironmentsPerFunction = 10;
        RuntimeLoop runtimeLoop = RuntimeLoop.AUTO;
        Consumer<String> output = System.out::println;
        LocalXrayDaemon daemon;
        String otlpEndpoint;
        Path nativeLibrary;
        int daemonPort;
        int invokePort;
        int apiPort;

        private Builder() {
        }

        public Builder function(LocalFunction function) {
            functions.put(function.name(), Objects.requireNonNull(function, "function"));
            return this;
        }

        /**
         * What a SAM template describes: its functions, its first REST API (stage, tracing, routes) and its first
         * HTTP API (stage, routes).
         */
        public Builder template(TemplateSetup setup) {
            setup.functions().forEach(this::function);
            setup.restApi().ifPresent(api -> restApi(api.logicalId(), api.stageName(), api.tracingEnabled()));
            setup.restRoutes().forEach(r -> route(r.method(), r.path(), r.function()));
            setup.httpApi().ifPresent(api -> httpApi(api.stageName()));
            setup.httpRoutes().forEach(r -> httpRoute(r.method(), r.path(), r.function(), r.payloadFormatVersion()));
            resources(setup.template().resources());
            for (TemplateFunction f : setup.template().functions()) {
                functionNames.put(f.logicalId(), f.name());
                asyncInvokes.put(f.name(), f.asyncInvoke());
                if (!f.events().isEmpty()) {
                    events(f.name(), f.events());
                }
            }
            return this;
        }

        /**
         * Resources the platform creates on engines started for them (tables, queues, buckets, topics, buses and
         * rules); none by default. docs/local-services.md lists what is supported.
         */
        public Builder resources(List<TemplateResource> resources) {
            this.resources.addAll(resources);
            return this;
        }

        /** A function's events other than API routes (queues, topics, rules, schedules, buckets); none by default. */
        public Builder events(String functionName, List<FunctionEvent> events) {
            this.events.computeIfAbsent(functionName, f -> new ArrayList<>()).addAll(events);
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
            routes.add(new ApiRoutes.Route(method.toUpperCase(Locale.ROOT), resource, functionName));
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
            return httpRoute(method, path, functionName, "2.0");
        }

        /**
         * The same with the integration's payload format version: {@code 2.0} (the default above), or {@code 1.0},
         * where the function gets the REST-style event ({@code APIGatewayProxyRequestEvent}) with {@code version}
         * {@code 1.0} and must answer with a {@code statusCode}.
         *
         * @throws IllegalArgumentException for any other version
         */
        public Builder httpRoute(String method, String path, String functionName, String payloadFormatVersion) {
            if (!"1.0".equals(payloadFormatVersion) && !"2.0".equals(payloadFormatVersion)) {
                throw new IllegalArgumentException("payloadFormatVersion must be 1.0 or 2.0, not "
                        + payloadFormatVersion);
            }
            httpRoutes.add(new ApiRoutes.Route(method.toUpperCase(Locale.ROOT), path, functionName,
                    payloadFormatVersion));
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

        /**
         * The most execution environments (JVMs) one function gets at once; 10 unless set. As in Lambda, an invocation
         * that finds every environment of its function busy (concurrent requests, a function calling itself) gets a
         * new one; past this many it waits for one to be free, where Lambda would go on to the account's limit.
         */
        public Builder maxEnvironmentsPerFunction(int maxEnvironmentsPerFunction) {
            if (maxEnvironmentsPerFunction < 1) {
                throw new IllegalArgumentException("maxEnvironmentsPerFunction must be at least 1, got "
                        + maxEnvironmentsPerFunction);
            }
            this.maxEnvironmentsPerFunction = maxEnvironmentsPerFunction;
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

        /**
         * Also forwards every document the daemon receives, as OpenTelemetry spans, to the Collector's OTLP/HTTP
         * endpoint ({@code http://127.0.0.1:4318}; {@code /v1/traces} is appended), in batches, flushed on close;
         * null, the default, forwards nothing. docs/opentelemetry.md says more.
         */
        public Builder otlpEndpoint(String otlpEndpoint) {
            this.otlpEndpoint = otlpEndpoint == null ? null : OtlpEndpoint.tracesUrl(otlpEndpoint).toString();
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
            RunningServices.check(this);
            return new LocalPlatform(this);
        }
    }
}
