package dev.xraytracing.local;

import dev.xraytracing.local.app.Fault;
import dev.xraytracing.local.app.LocalRunException;
import dev.xraytracing.local.daemon.LocalXrayDaemon;
import dev.xraytracing.local.events.EventSource;
import dev.xraytracing.local.internal.events.ApiGatewayStage;
import dev.xraytracing.local.internal.events.ApiRoutes;
import dev.xraytracing.local.internal.events.HttpApiStage;
import dev.xraytracing.local.internal.lambda.InvokeApiServer;
import dev.xraytracing.local.internal.lambda.LambdaService;
import dev.xraytracing.local.internal.lambda.PlatformSettings;
import dev.xraytracing.local.internal.lambda.InvokeResponse;
import dev.xraytracing.local.internal.otlp.OtlpForwarding;
import dev.xraytracing.local.internal.services.Deliveries;
import dev.xraytracing.local.internal.services.LocalServices;
import dev.xraytracing.local.internal.services.NoEngineService;
import dev.xraytracing.local.internal.services.ServiceContext;
import dev.xraytracing.local.internal.services.Targets;
import dev.xraytracing.local.internal.services.catalog.ServiceCatalog;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The services of a started {@link LocalPlatform}, wired bottom up: the X-Ray daemon, the Lambda service with its
 * Invoke API and, for every other AWS service, the service that answers that it has no engine here, then the event
 * sources in front (API Gateway's REST stage and HTTP API); with an OTLP endpoint, the daemon's documents are forwarded
 * to it as spans. Started together; a failure stops what had started;
 * {@link #stop} stops them all, top down.
 */
final class RunningServices {
    final LocalXrayDaemon daemon;
    final boolean ownsDaemon;
    /** {@link LocalPlatform.Builder#otlpEndpoint}'s forwarding of the daemon's documents, or null. */
    private final OtlpForwarding otlp;
    final InvokeApiServer invokeApi;
    /** Where functions' calls to services without an engine go ({@code AWS_ENDPOINT_URL}). */
    final NoEngineService noEngine;
    /** The services the template's resources need (queues, tables, buckets, topics, buses); often none. */
    final LocalServices appServices;
    final LambdaService lambda;
    /** The REST API stage, or null. */
    final ApiGatewayStage restApi;
    /** The HTTP API, or null. */
    final HttpApiStage httpApi;
    /**
     * One line for each invocation by an event source (a queue, topic, bus, schedule or bucket) that ended in a
     * function error or a Lambda error: nobody answers for those, so the run does.
     */
    final List<String> eventSourceErrors = new CopyOnWriteArrayList<>();
    /** Where the Invoke API's {@code Event} invocations go: retried, then to the function's failure targets. */
    private Targets eventTargets;
    private final Consumer<String> output;

    RunningServices(LocalPlatform.Builder builder, Map<String, Fault> faults) {
        ownsDaemon = builder.daemon == null;
        output = builder.output;
        daemon = ownsDaemon ? LocalXrayDaemon.start(builder.daemonPort) : builder.daemon;
        otlp = builder.otlpEndpoint == null ? null : OtlpForwarding.start(builder.otlpEndpoint, builder.output);
        if (otlp != null) {
            daemon.addListener(otlp);
        }
        InvokeApiServer invoke = null;
        NoEngineService services = null;
        LocalServices app = null;
        LambdaService service = null;
        ApiGatewayStage rest = null;
        HttpApiStage http = null;
        try {
            invoke = new InvokeApiServer(builder.invokePort);
            services = new NoEngineService();
            // The services start before the Lambda service, whose functions need their endpoints; their event
            // sources invoke it only once it exists (nothing is sent to them before the constructor returns).
            AtomicReference<LambdaService> lambdaOnceStarted = new AtomicReference<>();
            ServiceContext context = new ServiceContext(builder.resources, builder.events,
                    lambdaForEventSources(lambdaOnceStarted),
                    new LinkedHashMap<>(), builder.region, builder.accountId, daemon.address(), builder.output,
                    builder.asyncInvokes);
            app = LocalServices.start(context, ServiceCatalog.ALL);
            eventTargets = new Targets(context);
            PlatformSettings settings = new PlatformSettings(builder.region, builder.accountId, builder.classpath,
                    List.copyOf(builder.functions.values()), faults, builder.extraLatency,
                    builder.keepWarm, builder.maxEnvironmentsPerFunction, builder.runtimeLoop, builder.nativeLibrary, daemon.address(), builder.output);
            service = new LambdaService(settings, functionEnvironment(builder, invoke.endpoint(),
                    services.endpoint(), app.endpoints()));
            lambdaOnceStarted.set(service);
            if (builder.apiFunction != null) {
                rest = new ApiGatewayStage(builder.apiName, builder.stage, builder.apiFunction, builder.apiPort,
                        settings);
            } else if (!builder.routes.isEmpty()) {
                rest = new ApiGatewayStage(builder.apiName, builder.stage, new ApiRoutes(builder.routes),
                        builder.apiTracing, builder.apiPort, settings);
            }
            if (!builder.httpRoutes.isEmpty()) {
                http = new HttpApiStage(builder.httpStage, new ApiRoutes(builder.httpRoutes), builder.accountId, 0);
            }
            for (EventSource source : new EventSource[] {rest, http}) {
                if (source != null) {
                    source.start(service::invoke);
                }
            }
            invoke.start(service, this::invokeAsynchronously);
        } catch (RuntimeException e) {
            closeQuietly(http, rest, app, service, invoke, services, eventTargets);
            stopDaemon();
            throw e;
        }
        invokeApi = invoke;
        noEngine = services;
        appServices = app;
        lambda = service;
        restApi = rest;
        httpApi = http;
    }

    /** Fails in one line on a configuration the platform cannot start. */
    static void check(LocalPlatform.Builder builder) {
        if (builder.functions.isEmpty()) {
            throw new LocalRunException("no function configured");
        }
        if (builder.apiFunction != null && !builder.functions.containsKey(builder.apiFunction)) {
            throw new LocalRunException("the REST API invokes " + builder.apiFunction + ", which is not a function here");
        }
        List<ApiRoutes.Route> allRoutes = new ArrayList<>(builder.routes);
        allRoutes.addAll(builder.httpRoutes);
        for (ApiRoutes.Route route : allRoutes) {
            if (!builder.functions.containsKey(route.function())) {
                throw new LocalRunException("the route " + route.method() + " " + route.resource()
                        + " invokes " + route.function() + ", which is not a function here");
            }
        }
        List<String> unknown = new ArrayList<>(builder.faults.keySet());
        unknown.removeAll(builder.functions.keySet());
        if (!unknown.isEmpty()) {
            throw new LocalRunException("a fault is set for unknown function(s) " + unknown);
        }
    }

    private Map<String, String> functionEnvironment(LocalPlatform.Builder builder, String invokeEndpoint,
                                                    String noEngineEndpoint, Map<String, String> appEndpoints) {
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
        // Every other service: the SDKs take a service-specific variable (ours, or the user's --env) over this one.
        env.put("AWS_ENDPOINT_URL", noEngineEndpoint);
        env.putAll(appEndpoints);
        env.put("TZ", ":UTC");
        env.putAll(builder.environment);
        return env;
    }

    /** One line for each problem of the run: the Lambda service's, then each service called that has no engine. */
    List<String> problems() {
        List<String> problems = new ArrayList<>(lambda.problems());
        problems.addAll(appServices.problems());
        problems.addAll(noEngine.problems());
        return problems;
    }

    /**
     * Stops the event sources, the app's services (and their pollers), the Invoke API, every function JVM, the
     * no-engine service and the daemon if ours.
     */
    void stop() {
        closeQuietly(httpApi, restApi, appServices, invokeApi, eventTargets, lambda, noEngine);
        stopDaemon();
    }

    /** An {@code Event} invocation of the Invoke API; one that no attempt succeeded with is one output line. */
    private void invokeAsynchronously(String function, byte[] payload, String traceHeader) {
        try {
            eventTargets.invoke(function, new String(payload, StandardCharsets.UTF_8), traceHeader);
        } catch (Deliveries.Failed e) {
            output.accept("asynchronous invocation of " + LambdaService.functionName(function) + ": "
                    + e.getMessage());
        }
    }

    /** The daemon if ours, then the forwarding, which sends what the daemon handed it last. */
    private void stopDaemon() {
        if (ownsDaemon) {
            daemon.close();
        }
        if (otlp != null) {
            daemon.removeListener(otlp);
            otlp.close();
        }
    }

    private InvokeResponse recordingErrors(InvokeResponse response, String function) {
        if (response.functionError() != null) {
            eventSourceErrors.add(LambdaService.functionName(function) + ": "
                    + LambdaService.errorLine(response.body()));
        } else if (response.status() >= 300) {
            eventSourceErrors.add(LambdaService.functionName(function) + ": " + response.status() + " "
                    + response.serviceErrorType());
        }
        return response;
    }

    /** The Lambda service as the app's event sources call it, once it has started; function errors recorded. */
    private EventSource.Lambda lambdaForEventSources(AtomicReference<LambdaService> lambda) {
        return new EventSource.Lambda() {
            @Override
            public InvokeResponse invoke(String function, byte[] payload, String traceHeader) {
                return recordingErrors(started(lambda, function).invoke(function, payload, traceHeader), function);
            }

            @Override
            public InvokeResponse invokeLinkedTo(String function, byte[] payload, List<String> producerHeaders) {
                return recordingErrors(started(lambda, function).invoke(function, payload, null, producerHeaders),
                        function);
            }
        };
    }

    private static LambdaService started(AtomicReference<LambdaService> lambda, String function) {
        LambdaService started = lambda.get();
        if (started == null) {
            throw new IllegalStateException("an event source invoked " + function + " before the Lambda service started");
        }
        return started;
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
}
