package dev.xraytracing.testing;

import com.amazonaws.xray.AWSXRayRecorder;
import com.amazonaws.xray.ThreadLocalStorage;
import com.amazonaws.xray.entities.Segment;
import com.amazonaws.xray.entities.SegmentImpl;
import com.amazonaws.xray.entities.TraceID;
import dev.xraytracing.Tracer;
import dev.xraytracing.internal.LambdaTraceHeader;
import dev.xraytracing.internal.TraceHeader;
import dev.xraytracing.internal.TracerCore;
import java.util.Objects;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import software.amazon.awssdk.utilslite.SdkInternalThreadLocal;
import dev.xraytracing.trace.RecordedTrace;

/**
 * A JUnit 5 extension that gives each test its own {@link Tracer}, writing to an {@link InMemoryEmitter}, and a trace
 * context: an open segment, a simulated Lambda invocation (the trace header passed the way the runtime passes it to
 * concurrent invocations, on the thread), or none. The tracer is the test thread's own while the test runs (status
 * readers and resource fields registered in the test go to it, and warnings are logged once per test); afterwards
 * the thread is back on the default tracer, and the test fails if any emitted document does not match X-Ray's
 * schema. Nothing is shared between tests, so they may run in parallel (JUnit's concurrent mode).
 *
 * <pre>{@code
 * @RegisterExtension
 * static final TracingExtension tracing = TracingExtension.inSegment();
 *
 * @Test
 * void recordsTheCall() {
 *     Tracing.sub("CallSecondLambda", s -> lambda.invoke(request));
 *     assertThat(tracing.trace()).subsegment("CallSecondLambda").hasNoCause();
 * }
 * }</pre>
 */
public final class TracingExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private enum Mode { SEGMENT, LAMBDA, NONE }

    private final Mode mode;
    private final boolean sampled;
    private final String header;
    private final Consumer<Tracer.Builder> settings;
    private final ThreadLocal<TestRun> runs = new ThreadLocal<>();

    private TracingExtension(Mode mode, boolean sampled, String header, Consumer<Tracer.Builder> settings) {
        this.mode = mode;
        this.sampled = sampled;
        this.header = header;
        this.settings = settings;
    }

    /** Each test runs inside an open, sampled segment named {@code test}. */
    public static TracingExtension inSegment() {
        return new TracingExtension(Mode.SEGMENT, true, null, builder -> { });
    }

    /** Each test runs as a sampled Lambda invocation: subsegments go under the function's (facade) segment. */
    public static TracingExtension inLambda() {
        return new TracingExtension(Mode.LAMBDA, true, null, builder -> { });
    }

    /** Each test runs with no trace context at all, as a local main or a plain unit test would. */
    public static TracingExtension withoutContext() {
        return new TracingExtension(Mode.NONE, false, null, builder -> { });
    }

    /** The same, unsampled: nothing should be emitted. */
    public TracingExtension unsampled() {
        return new TracingExtension(mode, false, header, settings);
    }

    /** Uses this exact Lambda trace header (implies a Lambda invocation). */
    public TracingExtension withTraceHeader(String traceHeader) {
        return new TracingExtension(Mode.LAMBDA, TraceHeader.parse(traceHeader).isSampled(), traceHeader, settings);
    }

    /**
     * Configures each test's tracer further, say with {@code t -> t.statusReader(Reply.class, ...)}; where its
     * documents go is the extension's to decide.
     */
    public TracingExtension withTracer(Consumer<Tracer.Builder> tracerSettings) {
        Objects.requireNonNull(tracerSettings, "tracerSettings");
        return new TracingExtension(mode, sampled, header, settings.andThen(tracerSettings));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        InMemoryEmitter emitter = new InMemoryEmitter();
        Tracer.Builder builder = Tracer.builder();
        settings.accept(builder);
        Tracer tracer = builder.documents(emitter.sink()).build();
        Tracer.Scope scope = tracer.makeCurrent();
        AWSXRayRecorder recorder = TracerCore.threadOwn().recorder();
        TestRun run = new TestRun(emitter, recorder, scope);
        ThreadLocalStorage.clear();
        // The header store is an InheritableThreadLocal holding one map, which a thread shares with the thread that
        // started it: a test thread may have been started by another test's thread and see (and change) its header.
        // Dropping this thread's reference gives it a map of its own.
        SdkInternalThreadLocal.clear();
        if (mode == Mode.SEGMENT) {
            SegmentImpl segment = new SegmentImpl(recorder, "test", TraceID.create(recorder));
            segment.setSampled(sampled);
            run.segment = segment;
            ThreadLocalStorage.set(segment);
        } else if (mode == Mode.LAMBDA) {
            run.header = header != null ? header : TraceHeader.of(TraceID.create(recorder).toString(),
                    recorder.getIdGenerator().newEntityId(), sampled).format();
            SdkInternalThreadLocal.put(LambdaTraceHeader.THREAD_LOCAL_KEY, run.header);
        }
        runs.set(run);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        TestRun run = runs.get();
        runs.remove();
        if (run == null) {
            return;
        }
        try {
            run.finish();
        } finally {
            // put(key, null), not remove(key): it takes the header out of the map that threads started during the
            // test share with this one, and then drops the emptied map, which remove(key) would leave in place.
            SdkInternalThreadLocal.put(LambdaTraceHeader.THREAD_LOCAL_KEY, null);
            ThreadLocalStorage.clear();
            run.scope.close();
        }
        SegmentDocumentSchema.assertValid(run.emitter.documents());
    }

    /** The emitter of the running test. */
    public InMemoryEmitter emitter() {
        return current().emitter;
    }

    /**
     * The running test's one trace. Call it once the code under test has run: it ends the test's segment first (in
     * segment mode) so that the segment is emitted.
     */
    public RecordedTrace trace() {
        TestRun run = current();
        run.finish();
        return run.emitter.trace();
    }

    /** The trace header of the simulated Lambda invocation, or null outside one. */
    public String traceHeader() {
        return current().header;
    }

    private TestRun current() {
        TestRun run = runs.get();
        if (run == null) {
            throw new IllegalStateException("TracingExtension is not active on this thread: register it with "
                    + "@RegisterExtension and call it from the test method");
        }
        return run;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == InMemoryEmitter.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return current().emitter;
    }

    private static final class TestRun {
        final InMemoryEmitter emitter;
        final AWSXRayRecorder recorder;
        final Tracer.Scope scope;
        Segment segment;
        String header;

        TestRun(InMemoryEmitter emitter, AWSXRayRecorder recorder, Tracer.Scope scope) {
            this.emitter = emitter;
            this.recorder = recorder;
            this.scope = scope;
        }

        void finish() {
            Segment open = segment;
            if (open == null) {
                return;
            }
            segment = null;
            if (ThreadLocalStorage.get() == open) {
                ThreadLocalStorage.clear();
            }
            if (open.end() && open.isSampled()) {
                recorder.getEmitter().sendSegment(open);
            }
        }
    }
}
