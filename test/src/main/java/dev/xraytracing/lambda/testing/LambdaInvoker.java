package dev.xraytracing.lambda.testing;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.xray.AWSXRayRecorder;
import com.amazonaws.xray.ThreadLocalStorage;
import com.amazonaws.xray.entities.TraceID;
import dev.xraytracing.Tracer;
import dev.xraytracing.internal.LambdaTraceHeader;
import dev.xraytracing.internal.TraceHeader;
import dev.xraytracing.internal.TracerCore;
import dev.xraytracing.internal.fault.GivenFaultRules;
import dev.xraytracing.lambda.internal.LambdaEnvironment;
import dev.xraytracing.testing.InMemoryEmitter;
import dev.xraytracing.testing.SegmentDocumentSchema;
import dev.xraytracing.trace.TraceDocuments;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.utilslite.SdkInternalThreadLocal;

/**
 * Runs a handler as the Lambda runtime would, in one simulated execution environment: the trace header is passed
 * the way the runtime passes it (per thread, as in multi-concurrency mode, unless {@link #viaSystemProperty()}),
 * documents go to an in-memory emitter and are checked against X-Ray's schema, and the first invocation through an
 * invoker is the environment's cold start. Each environment has a {@link Tracer} of its own, current on the invoking
 * thread while the handler runs and never installed as the default, so invokers in parallel tests share nothing.
 *
 * <pre>{@code
 * LambdaInvoker<Order, Receipt> lambda = LambdaInvoker.of(new OrderHandler());
 * Invocation<Receipt> first = lambda.invoke(order);
 * assertThat(first.trace()).subsegment("## handleRequest").hasAnnotation("ColdStart", true);
 * }</pre>
 *
 * <p>An invoker is a value: each {@code with} returns a copy that shares the environment (so cold start is spent
 * once across copies) and the emitter. Invoking from several threads at once is fine.
 */
public final class LambdaInvoker<I, O> {

    /** The shape of any handler, for the invoker's purposes. */
    @FunctionalInterface
    private interface Call<I, O> {
        O call(I input, Context context) throws Exception;
    }

    private enum HeaderMode { GENERATED_SAMPLED, GENERATED_UNSAMPLED, GIVEN, NONE }

    private final Call<I, O> handler;
    private final Environment environment;
    private final HeaderMode headerMode;
    private final String header;
    private final boolean viaSystemProperty;
    private final Context context;

    private LambdaInvoker(Call<I, O> handler, Environment environment, HeaderMode headerMode, String header,
                          boolean viaSystemProperty, Context context) {
        this.handler = handler;
        this.environment = environment;
        this.headerMode = headerMode;
        this.header = header;
        this.viaSystemProperty = viaSystemProperty;
        this.context = context;
    }

    /** An invoker for {@code handler} in a fresh on-demand environment, sampled, with generated headers. */
    public static <I, O> LambdaInvoker<I, O> of(RequestHandler<I, O> handler) {
        return new LambdaInvoker<>(handler::handleRequest, new Environment(LambdaEnvironment.ON_DEMAND),
                HeaderMode.GENERATED_SAMPLED, null, false, null);
    }

    /** An invoker for a stream handler: the input is written to its input stream, its output read back as text. */
    public static LambdaInvoker<String, String> ofStream(RequestStreamHandler handler) {
        Call<String, String> call = (input, context) -> {
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            handler.handleRequest(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), output, context);
            return output.toString(StandardCharsets.UTF_8);
        };
        return new LambdaInvoker<>(call, new Environment(LambdaEnvironment.ON_DEMAND), HeaderMode.GENERATED_SAMPLED,
                null, false, null);
    }

    /** Uses exactly this header for every invocation. */
    public LambdaInvoker<I, O> withTraceHeader(String traceHeader) {
        return new LambdaInvoker<>(handler, environment, HeaderMode.GIVEN, traceHeader, viaSystemProperty, context);
    }

    /** A fresh sampled header per invocation (the default). */
    public LambdaInvoker<I, O> sampled() {
        return new LambdaInvoker<>(handler, environment, HeaderMode.GENERATED_SAMPLED, null, viaSystemProperty,
                context);
    }

    /** A fresh header with {@code Sampled=0} per invocation. */
    public LambdaInvoker<I, O> unsampled() {
        return new LambdaInvoker<>(handler, environment, HeaderMode.GENERATED_UNSAMPLED, null, viaSystemProperty,
                context);
    }

    /** No header at all, as with tracing turned off for the function. */
    public LambdaInvoker<I, O> withoutTraceHeader() {
        return new LambdaInvoker<>(handler, environment, HeaderMode.NONE, null, viaSystemProperty, context);
    }

    /**
     * Passes the header in the system property the runtime sets when it runs one invocation at a time, instead of
     * per thread. The property is process-wide: do not invoke concurrently this way, and mark a test that does
     * {@code @Isolated} when tests run in parallel (every test without a header of its own would read it).
     */
    public LambdaInvoker<I, O> viaSystemProperty() {
        return new LambdaInvoker<>(handler, environment, headerMode, header, true, context);
    }

    /** Uses this context (its request id included) for every invocation, instead of a fresh one each time. */
    public LambdaInvoker<I, O> withContext(Context lambdaContext) {
        return new LambdaInvoker<>(handler, environment, headerMode, header, viaSystemProperty, lambdaContext);
    }

    /**
     * A fresh environment initialised as {@code AWS_LAMBDA_INITIALIZATION_TYPE} says: {@code on-demand},
     * {@code provisioned-concurrency} or {@code snap-start}.
     */
    public LambdaInvoker<I, O> initializationType(String type) {
        return new LambdaInvoker<>(handler, new Environment(type, environment.variables, environment.faults),
                headerMode, header, viaSystemProperty, context);
    }

    /**
     * A fresh environment whose tracer reads its settings (docs/configuration.md) from {@code variables}, as from a
     * function's environment variables: say {@code Map.of("POWERTOOLS_SERVICE_NAME", "orders")}.
     */
    public LambdaInvoker<I, O> withEnvironment(Map<String, String> variables) {
        return new LambdaInvoker<>(handler, new Environment(LambdaEnvironment.ON_DEMAND, variables, environment.faults),
                headerMode, header, viaSystemProperty, context);
    }

    /**
     * A fresh environment whose tracer injects these fault rules, with their seed, instead of any its settings name
     * (the settings of {@link #withEnvironment} still apply, and their kill switch wins). Needs xray-tracing-faults
     * on the test class path; invalid rules fail here. See {@link Faults}.
     */
    public LambdaInvoker<I, O> withFaults(Faults faults) {
        Objects.requireNonNull(faults, "faults");
        return new LambdaInvoker<>(handler, new Environment(LambdaEnvironment.ON_DEMAND, environment.variables, faults),
                headerMode, header, viaSystemProperty, context);
    }

    /** A fresh environment whose cold start is already spent, as if it had served an invocation. */
    public LambdaInvoker<I, O> warm() {
        Environment warm = new Environment(LambdaEnvironment.ON_DEMAND, environment.variables, environment.faults);
        warm.lambda.claimColdStart();
        return new LambdaInvoker<>(handler, warm, headerMode, header, viaSystemProperty, context);
    }

    /** Every document any invocation through this environment emitted, in order. */
    public List<String> documents() {
        return environment.emitter.documents();
    }

    /**
     * Invokes the handler once on this thread and returns how it went. A handler exception is caught into the
     * result; documents that do not match X-Ray's schema fail the call.
     */
    public Invocation<O> invoke(I input) {
        Context invocationContext = context != null ? context : TestContext.create();
        String traceHeader = headerFor();
        O output = null;
        Throwable thrown = null;
        try (Tracer.Scope tracer = environment.tracer.makeCurrent();
             HeaderScope passed = pass(traceHeader)) {
            output = handler.call(input, invocationContext);
        } catch (Throwable failure) {
            thrown = failure;
        } finally {
            ThreadLocalStorage.clear();
        }
        List<String> emitted = documentsOfTrace(traceHeader);
        SegmentDocumentSchema.assertValid(emitted);
        return new Invocation<>(output, thrown, traceHeader, invocationContext.getAwsRequestId(), emitted);
    }

    /** Invokes and returns the output, rethrowing (unchanged) what the handler threw. */
    public O call(I input) throws Throwable {
        Invocation<O> invocation = invoke(input);
        if (invocation.threw()) {
            throw invocation.thrown();
        }
        return invocation.output();
    }

    private String headerFor() {
        switch (headerMode) {
            case GIVEN:
                return header;
            case NONE:
                return null;
            default:
                AWSXRayRecorder recorder = environment.core.recorder();
                return TraceHeader.of(TraceID.create(recorder).toString(), recorder.getIdGenerator().newEntityId(),
                        headerMode == HeaderMode.GENERATED_SAMPLED).format();
        }
    }

    private HeaderScope pass(String traceHeader) {
        if (viaSystemProperty) {
            String previous = System.getProperty(LambdaTraceHeader.SYSTEM_PROPERTY);
            setOrClear(traceHeader);
            return () -> setOrClear(previous);
        }
        String previous = SdkInternalThreadLocal.get(LambdaTraceHeader.THREAD_LOCAL_KEY);
        // The store's map may be shared with the thread that started this one (another test's): use one of our own.
        SdkInternalThreadLocal.clear();
        putOrClear(traceHeader);
        return () -> {
            putOrClear(null); // out of the map that threads started by the handler share, then a map of our own
            if (previous != null) {
                putOrClear(previous);
            }
        };
    }

    /**
     * Clears with {@code put(key, null)}, never {@code remove(key)}: the store is an InheritableThreadLocal holding
     * one HashMap, and {@code remove} leaves that map (empty) in place, so every thread started afterwards from this
     * one would share it and see this thread's later headers. {@code put(key, null)} drops the empty map.
     */
    private static void putOrClear(String header) {
        SdkInternalThreadLocal.put(LambdaTraceHeader.THREAD_LOCAL_KEY, header);
    }

    private static void setOrClear(String value) {
        if (value != null) {
            System.setProperty(LambdaTraceHeader.SYSTEM_PROPERTY, value);
        } else {
            System.clearProperty(LambdaTraceHeader.SYSTEM_PROPERTY);
        }
    }

    private List<String> documentsOfTrace(String traceHeader) {
        List<String> mine = new ArrayList<>();
        String root = traceHeader == null ? null : TraceHeader.parse(traceHeader).root();
        if (root == null) {
            return mine;
        }
        for (String document : environment.emitter.documents()) {
            if (root.equals(TraceDocuments.parse(document).path("trace_id").asText())) {
                mine.add(document);
            }
        }
        return mine;
    }

    @FunctionalInterface
    private interface HeaderScope extends AutoCloseable {
        @Override
        void close();
    }

    /** One simulated execution environment: its tracer, its cold-start state and its captured documents. */
    private static final class Environment {
        final LambdaEnvironment lambda;
        final InMemoryEmitter emitter = new InMemoryEmitter();
        final Tracer tracer;
        final TracerCore core;
        /** What a copy made by another {@code with} keeps: null for the process's settings, and no faults. */
        final Map<String, String> variables;
        final Faults faults;

        Environment(String initializationType) {
            this(initializationType, null, null);
        }

        Environment(String initializationType, Map<String, String> variables, Faults faults) {
            this.variables = variables;
            this.faults = faults;
            Tracer.Builder builder = Tracer.builder().documents(emitter.sink());
            this.tracer = (variables == null ? builder : builder.environment(variables)).build();
            this.lambda = new LambdaEnvironment(initializationType);
            try (Tracer.Scope current = tracer.makeCurrent()) {
                this.core = TracerCore.threadOwn();
            }
            if (faults != null) {
                GivenFaultRules.install(core, faults.rules(), faults.seed());
            }
            LambdaEnvironment.install(core, lambda);
        }
    }
}
