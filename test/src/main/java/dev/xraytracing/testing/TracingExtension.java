package dev.xraytracing.testing;

import com.amazonaws.xray.AWSXRayRecorder;
import com.amazonaws.xray.ThreadLocalStorage;
import com.amazonaws.xray.entities.Segment;
import com.amazonaws.xray.entities.SegmentImpl;
import com.amazonaws.xray.entities.TraceID;
import dev.xraytracing.internal.LambdaTraceHeader;
import dev.xraytracing.internal.Recorders;
import dev.xraytracing.internal.TracingState;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import software.amazon.awssdk.utilslite.SdkInternalThreadLocal;
import dev.xraytracing.trace.RecordedTrace;

/**
 * A JUnit 5 extension that gives each test its own recorder, writing to an {@link InMemoryEmitter}, and a trace
 * context: an open segment, a simulated Lambda invocation (the trace header passed the way the runtime passes it to
 * concurrent invocations, on the thread), or none. Afterwards it restores everything and fails the test if any
 * emitted document does not match X-Ray's schema. All state is per thread, so test classes may run in parallel.
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
    private final ThreadLocal<TestRun> runs = new ThreadLocal<>();

    private TracingExtension(Mode mode, boolean sampled, String header) {
        this.mode = mode;
        this.sampled = sampled;
        this.header = header;
    }

    /** Each test runs inside an open, sampled segment named {@code test}. */
    public static TracingExtension inSegment() {
        return new TracingExtension(Mode.SEGMENT, true, null);
    }

    /** Each test runs as a sampled Lambda invocation: subsegments go under the function's (facade) segment. */
    public static TracingExtension inLambda() {
        return new TracingExtension(Mode.LAMBDA, true, null);
    }

    /** Each test runs with no trace context at all, as a local main or a plain unit test would. */
    public static TracingExtension withoutContext() {
        return new TracingExtension(Mode.NONE, false, null);
    }

    /** The same, unsampled: nothing should be emitted. */
    public TracingExtension unsampled() {
        return new TracingExtension(mode, false, header);
    }

    /** Uses this exact Lambda trace header (implies a Lambda invocation). */
    public TracingExtension withTraceHeader(String traceHeader) {
        return new TracingExtension(Mode.LAMBDA, traceHeader.contains("Sampled=1"), traceHeader);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        InMemoryEmitter emitter = new InMemoryEmitter();
        AWSXRayRecorder recorder = Recorders.lean(emitter);
        TestRun run = new TestRun(emitter, recorder, TracingState.useOnThisThread(recorder));
        ThreadLocalStorage.clear();
        if (mode == Mode.SEGMENT) {
            SegmentImpl segment = new SegmentImpl(recorder, "test", TraceID.create(recorder));
            segment.setSampled(sampled);
            run.segment = segment;
            ThreadLocalStorage.set(segment);
        } else if (mode == Mode.LAMBDA) {
            run.header = header != null ? header : "Root=" + TraceID.create(recorder) + ";Parent="
                    + recorder.getIdGenerator().newEntityId() + ";Sampled=" + (sampled ? "1" : "0");
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
            // put(key, null), not remove(key): remove leaves an empty map in this InheritableThreadLocal, which every
            // thread started from this one afterwards would share (and see this thread's later headers in).
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
        final TracingState.Scope scope;
        Segment segment;
        String header;

        TestRun(InMemoryEmitter emitter, AWSXRayRecorder recorder, TracingState.Scope scope) {
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
