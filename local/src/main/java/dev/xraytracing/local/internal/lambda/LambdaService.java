package dev.xraytracing.local.internal.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import dev.xraytracing.internal.TraceHeader;
import dev.xraytracing.local.app.Fault;
import dev.xraytracing.local.internal.Clock;
import dev.xraytracing.local.internal.DaemonWireFormat;
import dev.xraytracing.local.internal.SegmentBuilder;
import dev.xraytracing.local.internal.TraceIds;
import dev.xraytracing.local.internal.lambda.FunctionEnvironments.FunctionState;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Phaser;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Lambda service: routes invocations by function name to execution environments (started on demand, kept warm or
 * not), injects the configured faults, passes the trace context on (Root and Lineage kept, the function segment's id
 * as the new Parent) and emits its own segments to the daemon.
 */
public final class LambdaService implements AutoCloseable {
    private static final long OVERHEAD_WAIT_MILLIS = 1_000;

    private final PlatformSettings settings;
    private final FunctionEnvironments environments;
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final List<String> functionErrors = new CopyOnWriteArrayList<>();
    /** Function segments still waiting for their Overhead to end before they are sent. */
    private final Phaser pendingSegments = new Phaser(1);
    /** Invocations received and not yet answered, whoever sent them. */
    private final AtomicInteger inFlight = new AtomicInteger();

    public LambdaService(PlatformSettings settings, Map<String, String> platformEnvironment) {
        this.settings = settings;
        this.environments = new FunctionEnvironments(settings, platformEnvironment);
    }

    /** Waits (at most {@code timeoutMillis}) until every invocation's segments were sent to the daemon. */
    public void awaitSegmentsSent(long timeoutMillis) {
        try {
            pendingSegments.awaitAdvanceInterruptibly(pendingSegments.arrive(), timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (TimeoutException e) {
            // the caller collects what arrived
        }
    }

    /** One-line descriptions of what went wrong in the functions' JVMs (init errors, crashes, timeouts). */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** One line for each invocation that ended in a function error: the function, error type and message. */
    public List<String> functionErrors() {
        return List.copyOf(functionErrors);
    }

    /** Which runtime loop last ran each function, and why. */
    public Map<String, String> runtimes() {
        return environments.runtimes();
    }

    /** Starts every function's JVM now, so that the first request is not a cold start. */
    public void prewarm() {
        environments.prewarm();
    }

    /**
     * How many invocations were received and not answered yet (waiting for their function's environment included);
     * zero when nothing runs in any function.
     */
    public int invocationsInFlight() {
        return inFlight.get();
    }

    /** The Invoke API: {@code functionNameOrArn} as the SDK sends it, the raw payload, the caller's trace header. */
    public InvokeResponse invoke(String functionNameOrArn, byte[] payload, String traceHeaderValue) {
        return invoke(functionNameOrArn, payload, traceHeaderValue, List.of());
    }

    /**
     * As {@link #invoke(String, byte[], String)}, for an event source mapping's batch: the service's segment links to
     * the producers' traces ({@code producerHeaders}, the messages' {@code AWSTraceHeader}s), as X-Ray links an SQS
     * consumer's trace to its producers'.
     */
    public InvokeResponse invoke(String functionNameOrArn, byte[] payload, String traceHeaderValue,
                                 List<String> producerHeaders) {
        inFlight.incrementAndGet();
        try {
            return invokeCounted(functionNameOrArn, payload, traceHeaderValue, producerHeaders);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private InvokeResponse invokeCounted(String functionNameOrArn, byte[] payload, String traceHeaderValue,
                                         List<String> producerHeaders) {
        Instant received = Clock.now();
        String requestId = TraceIds.newRequestId();
        String name = functionName(functionNameOrArn);
        FunctionState state = environments.state(name);
        if (state == null) {
            return InvokeResponse.serviceError(404, "ResourceNotFoundException",
                    "Function not found: " + settings.functionArn(name), requestId);
        }
        TraceHeader incoming = sampling(traceHeaderValue, state.function.activeTracing());
        String serviceSegmentId = TraceIds.newSegmentId();
        String functionSegmentId = TraceIds.newSegmentId();
        String arn = settings.functionArn(name);
        LambdaSegments.Ids ids = new LambdaSegments.Ids(name, arn, settings.accountId(), requestId, incoming,
                serviceSegmentId, functionSegmentId, LambdaSegments.links(producerHeaders));
        Fault fault = settings.faultOf(name);
        if (fault == Fault.THROTTLE || fault == Fault.SERVER_ERROR) {
            return refused(fault == Fault.THROTTLE
                    ? InvokeResponse.serviceError(429, "TooManyRequestsException", "Rate Exceeded.", requestId)
                    : InvokeResponse.serviceError(500, "ServiceException", "Injected service fault", requestId),
                    ids, received);
        }
        if (fault == Fault.LATENCY) {
            sleep(settings.extraLatency().toMillis());
        }
        return invokeInEnvironment(state, payload, ids, received, fault);
    }

    /**
     * The trace the function joins, sampled as Lambda decides: a caller's decision ({@code Sampled=1} or {@code 0})
     * is kept; without one, {@code Tracing: Active} samples here and {@code PassThrough} records nothing.
     */
    static TraceHeader sampling(String traceHeaderValue, boolean activeTracing) {
        TraceHeader incoming = TraceIds.readIncoming(traceHeaderValue);
        // read as core reads it: the last Sampled wins, so "Sampled=1;Sampled=?" leaves the decision to Lambda
        boolean decided = traceHeaderValue != null && TraceHeader.parse(traceHeaderValue).isDecided();
        if (incoming == null) {
            return TraceIds.passedOn(TraceIds.newTraceId(), null, activeTracing, null);
        }
        return decided ? incoming : TraceIds.passedOn(incoming.root(), incoming.parent(), activeTracing,
                TraceIds.lineage(incoming));
    }

    private InvokeResponse invokeInEnvironment(FunctionState state, byte[] payload, LambdaSegments.Ids ids,
                                               Instant received, Fault fault) {
        String name = state.function.name();
        String arn = ids.functionArn();
        TraceHeader incoming = ids.incoming();
        String requestId = ids.requestId();
        String functionSegmentId = ids.functionSegmentId();
        FunctionEnvironments.Lease lease;
        try {
            lease = environments.acquire(state);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return InvokeResponse.serviceError(500, "ServiceException", "interrupted", requestId);
        }
        if (lease == null) {
            return refused(InvokeResponse.reservedConcurrencyExceeded(requestId), ids, received);
        }
        ExecutionEnvironment environment = lease.environment();
        ExecutionEnvironment.InitOutcome init = lease.init();
        boolean cold = lease.cold();
        Instant initStart = cold ? Clock.at(environment.spawnedNanos()) : null;
        if (init.state() != ExecutionEnvironment.InitState.READY) {
            byte[] error = initErrorDocument(init);
            problems.add(name + " failed during init: " + oneLine(init));
            environments.release(state, environment, false);
            Instant now = Clock.now();
            LambdaSegments.Record record = new LambdaSegments.Record(ids, received, now, 200,
                    new LambdaSegments.Phase(initStart, now, LambdaSegments.cause(null, error)), null, null);
            emit(incoming, LambdaSegments.function(record));
            emit(incoming, LambdaSegments.service(record));
            return new InvokeResponse(200, error, "Unhandled", null, requestId);
        }
        Instant initEnd = cold ? Clock.at(environment.spawnedNanos() + init.initNanos()) : null;
        long deadline = System.currentTimeMillis() + state.function.timeout().toMillis();
        Invocation invocation = new Invocation(requestId, payload, incoming.withParent(functionSegmentId).toString(),
                deadline, arn);
        Instant invocationStart = Clock.now();
        InvocationResult result;
        boolean environmentFailed = true;
        try {
            result = environment.invoke(invocation);
            environmentFailed = false;
        } catch (TimeoutException e) {
            String seconds = String.format(Locale.ROOT, "%.2f", state.function.timeout().toMillis() / 1000.0);
            problems.add(name + " timed out: Task timed out after " + seconds + " seconds");
            result = InvocationResult.error(json("{\"errorMessage\":\"" + Clock.now() + " " + requestId
                    + " Task timed out after " + seconds + " seconds\"}"),
                    "Sandbox.Timedout", null);
        } catch (IllegalStateException e) {
            problems.add(name + " crashed: " + Text.firstLine(e.getMessage()));
            result = InvocationResult.error(json("{\"errorType\":\"Runtime.ExitError\",\"errorMessage\":\"RequestId: "
                    + requestId + " Error: Runtime exited without providing a reason\"}"), "Runtime.ExitError", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return InvokeResponse.serviceError(500, "ServiceException", "interrupted", requestId);
        } finally {
            if (environmentFailed) {
                environments.release(state, environment, false); // timed out, crashed: Lambda starts a new one
            }
        }
        // When the runtime answered, not when this thread woke up: the runtime may already have polled again by then,
        // which made Overhead end before it started.
        Instant invocationEnd = invocation.answeredNanos() != 0 ? Clock.at(invocation.answeredNanos()) : Clock.now();
        if (result.success() && fault == Fault.FUNCTION_ERROR) {
            result = InvocationResult.error(json("{\"errorMessage\":\"Injected by xray-tracing-local (fault "
                    + "function-error)\",\"errorType\":\"InjectedFunctionError\",\"stackTrace\":[]}"),
                    "InjectedFunctionError", null);
        }
        if (!result.success()) {
            functionErrors.add(name + ": " + errorLine(result.body()));
        }
        JsonNode functionFault = result.success() ? null : LambdaSegments.cause(result.xrayErrorCause(), result.body());
        Instant responded = Clock.now();
        TraceHeader trace = incoming;
        InvocationResult outcome = result;
        // Overhead lasts until the runtime polls again; the caller gets its response without waiting for it.
        pendingSegments.register();
        invocation.nextPolledNanos()
                .completeOnTimeout(System.nanoTime(), OVERHEAD_WAIT_MILLIS, TimeUnit.MILLISECONDS)
                .thenAccept(polled -> {
                    LambdaSegments.Record record = new LambdaSegments.Record(ids, received, responded, 200,
                            initStart != null ? new LambdaSegments.Phase(initStart, initEnd, null) : null,
                            new LambdaSegments.Phase(invocationStart, invocationEnd, functionFault), Clock.at(polled));
                    try {
                        emit(trace, LambdaSegments.function(record));
                        emit(trace, LambdaSegments.service(record));
                    } finally {
                        pendingSegments.arriveAndDeregister();
                    }
                });
        if (!environmentFailed) {
            if (environments.keepsWarm(state.function)) {
                environments.release(state, environment, true);
            } else {
                environments.retire(state, environment, invocation);
            }
        }
        return new InvokeResponse(200, outcome.body(), outcome.success() ? null : "Unhandled", null, requestId);
    }

    /** An invocation the Lambda service refused: only its own segment records it, as in Lambda. */
    private InvokeResponse refused(InvokeResponse refusal, LambdaSegments.Ids ids, Instant received) {
        emit(ids.incoming(), LambdaSegments.service(LambdaSegments.Record.refused(ids, received, Clock.now(),
                refusal.status())));
        return refusal;
    }

    private static byte[] initErrorDocument(ExecutionEnvironment.InitOutcome init) {
        if (init.initError() != null) {
            return init.initError().body();
        }
        return json("{\"errorType\":\"Runtime.ExitError\",\"errorMessage\":"
                + SegmentBuilder.JSON.getNodeFactory().textNode(Text.firstLine(init.detail())) + "}");
    }

    /** A function error's document in one line: {@code errorType: errorMessage}. */
    public static String errorLine(byte[] errorDocument) {
        try {
            JsonNode error = SegmentBuilder.JSON.readTree(errorDocument);
            String type = error.path("errorType").asText("");
            return (type.isEmpty() ? "" : type + ": ") + Text.firstLine(error.path("errorMessage").asText(""));
        } catch (java.io.IOException e) {
            return Text.firstLine(new String(errorDocument, StandardCharsets.UTF_8));
        }
    }

    private static String oneLine(ExecutionEnvironment.InitOutcome init) {
        if (init.initError() != null) {
            try {
                JsonNode error = SegmentBuilder.JSON.readTree(init.initError().body());
                return error.path("errorType").asText("?") + ": " + Text.firstLine(error.path("errorMessage").asText(""));
            } catch (java.io.IOException e) {
                return new String(init.initError().body(), StandardCharsets.UTF_8);
            }
        }
        return init.state().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ", " + Text.firstLine(init.detail());
    }

    private void emit(TraceHeader trace, JsonNode document) {
        if (trace.isSampled()) {
            DaemonWireFormat.send(settings.daemon(), document.toString());
        }
    }

    /** The function name out of a name, a partial ARN or a full ARN, qualifier dropped. */
    public static String functionName(String nameOrArn) {
        String name = nameOrArn;
        int function = name.indexOf("function:");
        if (function >= 0) {
            name = name.substring(function + "function:".length());
        }
        int qualifier = name.indexOf(':');
        return qualifier < 0 ? name : name.substring(0, qualifier);
    }

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        environments.close();
    }
}
