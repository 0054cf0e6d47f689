package dev.xraytracing.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.xray.AWSXRayRecorder;
import com.amazonaws.xray.AWSXRayRecorderBuilder;
import com.amazonaws.xray.ThreadLocalStorage;
import com.amazonaws.xray.emitters.Emitter;
import com.amazonaws.xray.entities.Segment;
import com.amazonaws.xray.entities.Subsegment;
import com.amazonaws.xray.entities.TraceID;
import com.amazonaws.xray.strategy.IgnoreErrorContextMissingStrategy;
import com.amazonaws.xray.strategy.sampling.AllSamplingStrategy;
import dev.xraytracing.Tracing;
import dev.xraytracing.internal.LambdaTraceHeader;
import dev.xraytracing.internal.TracerCore;
import dev.xraytracing.lambda.HandlerTracing;
import dev.xraytracing.lambda.TracedRequestHandler;
import dev.xraytracing.lambda.testing.TestContext;
import dev.xraytracing.testing.InMemoryEmitter;
import dev.xraytracing.testing.SegmentDocumentSchema;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.utilslite.SdkInternalThreadLocal;

/**
 * Issue 11's promises as properties, over seeded hostile inputs (see {@link HostileInputs}) in eight families and
 * under the four kinds of context users have: a segment from {@code Tracing.segment}, a Lambda trace header, a
 * segment begun with the raw X-Ray SDK, and a traced handler. For every input:
 * <ul>
 *   <li>no exception but the body's own reaches the caller, and the body's own arrives as the same instance;</li>
 *   <li>every document sent (ours, and the X-Ray SDK's own under a raw segment) is schema-valid and at most 64 KB;</li>
 *   <li>the "survivor" annotation the body sets next to the hostile value arrives;</li>
 *   <li>no payload, body or header of a result is recorded (the secrets family), unless the handler opted in to
 *       capturing its response;</li>
 *   <li>a handler that captures its response records one for every result that is not null, a placeholder for
 *       one it cannot read (the results family);</li>
 *   <li>nothing hangs (each context's run has a deadline).</li>
 * </ul>
 * The seed is printed; {@code -Dhostile.seed=N} replays a run, {@code -Dhostile.scale=F} scales the case counts.
 */
class HostileInputPropertiesTest {
    static final long SEED = Long.getLong("hostile.seed", System.nanoTime());
    static final double SCALE = Double.parseDouble(System.getProperty("hostile.scale", "1"));
    static final int MAX_BYTES = 64 * 1024;
    /**
     * Cases per family in each context (106,480 in all); "oversized" documents are each several times larger, so
     * fewer.
     */
    static final Map<String, Integer> CASES = Map.of("annotations", 5_000, "metadata", 5_000, "exceptions", 4_500,
            "names", 3_500, "statuses", 3_500, "oversized", 120, "headers", 4_000, "secrets", 1_500,
            "results", 1_500);

    enum Kind { SEGMENT, LAMBDA_HEADER, RAW_SDK_SEGMENT, TRACED_HANDLER }

    static final Pattern CAPTURED_RESPONSE = Pattern.compile(
            "\"lambda\"\\s*:\\s*\\{\\s*\"response\"");
    static final Map<String, Figures> FIGURES = new ConcurrentHashMap<>();
    static final List<String> FAILURES = Collections.synchronizedList(new ArrayList<>());
    static long started;

    static final class Figures {
        final AtomicLong cases = new AtomicLong();
        final AtomicLong documents = new AtomicLong();
        final AtomicLong maxBytes = new AtomicLong();
        final AtomicLong bodyThrows = new AtomicLong();
        final AtomicLong failures = new AtomicLong();
        final AtomicLong nanos = new AtomicLong();
    }

    @BeforeAll
    static void sampleEverySegment() {
        started = System.nanoTime();
        System.out.println("hostile inputs: seed " + SEED + " (replay with -Dhostile.seed=" + SEED + ")");
    }

    @AfterAll
    static void printFigures() {
        StringBuilder table = new StringBuilder("\nhostile inputs, seed " + SEED + ":\n");
        table.append(String.format("%-16s %-16s %8s %9s %9s %9s %8s %8s%n", "family", "context", "cases",
                "documents", "max bytes", "body threw", "failures", "ms"));
        long cases = 0;
        long failures = 0;
        for (Map.Entry<String, Figures> entry : new TreeMap<>(FIGURES).entrySet()) {
            Figures f = entry.getValue();
            String[] key = entry.getKey().split("/");
            table.append(String.format("%-16s %-16s %8d %9d %9d %9d %8d %8d%n", key[0], key[1], f.cases.get(),
                    f.documents.get(), f.maxBytes.get(), f.bodyThrows.get(), f.failures.get(),
                    f.nanos.get() / 1_000_000));
            cases += f.cases.get();
            failures += f.failures.get();
        }
        table.append(String.format("total: %d cases, %d failures, %d ms%n", cases, failures,
                (System.nanoTime() - started) / 1_000_000));
        System.out.println(table);
    }

    private static Random random(Kind kind, String family) {
        return new Random(SEED ^ (kind.ordinal() * 1_000_003L) ^ family.hashCode());
    }

    private static int count(String family) {
        return Math.max(1, (int) (CASES.get(family) * SCALE));
    }

    // ---- the four contexts ---------------------------------------------------------------------------------------

    /** What the SDK's UDPEmitter sends: its own serializer's output. */
    static final class SdkSerializingEmitter extends Emitter {
        final List<String> documents = new ArrayList<>();

        @Override
        public boolean sendSegment(Segment segment) {
            documents.add(segment.serialize());
            return true;
        }

        @Override
        public boolean sendSubsegment(Subsegment subsegment) {
            documents.add(subsegment.streamSerialize());
            return true;
        }
    }

    @Test
    void underASegmentStartedByTracingSegment() {
        runContext(Kind.SEGMENT);
    }

    @Test
    void underALambdaTraceHeader() {
        runContext(Kind.LAMBDA_HEADER);
    }

    @Test
    void underASegmentBegunWithTheRawXRaySdk() {
        runContext(Kind.RAW_SDK_SEGMENT);
    }

    @Test
    void inATracedHandler() {
        runContext(Kind.TRACED_HANDLER);
    }

    private void runContext(Kind kind) {
        assertTimeoutPreemptively(Duration.ofMinutes(3), () -> {
            for (String family : HostileInputs.FAMILIES) {
                if (family.equals("headers") && kind != Kind.LAMBDA_HEADER && kind != Kind.TRACED_HANDLER) {
                    continue; // only a Lambda invocation reads a trace header
                }
                runFamily(kind, family);
            }
        });
        assertThat(FAILURES).as("failures (seed " + SEED + ")").isEmpty();
    }

    private void runFamily(Kind kind, String family) {
        Figures figures = FIGURES.computeIfAbsent(family + "/" + kind, key -> new Figures());
        Random random = random(kind, family);
        int cases = count(family);
        long start = System.nanoTime();
        if (kind == Kind.TRACED_HANDLER) {
            runInHandlers(family, random, cases, figures);
        } else {
            InMemoryEmitter ours = new InMemoryEmitter();
            AWSXRayRecorder recorder = LeanTracers.lean(ours);
            SdkSerializingEmitter sdkEmitter = new SdkSerializingEmitter();
            AWSXRayRecorder raw = AWSXRayRecorderBuilder.standard().withEmitter(sdkEmitter)
                    .withSamplingStrategy(new AllSamplingStrategy())
                    .withContextMissingStrategy(new IgnoreErrorContextMissingStrategy()).build();
            try (TracerCore.Scope scope = LeanTracers.makeCurrent(recorder)) {
                for (int i = 0; i < cases; i++) {
                    HostileCase input = HostileInputs.generate(family, random);
                    String token = "t" + i;
                    Throwable caught = runOnce(kind, input, token, recorder, raw);
                    List<String> documents = new ArrayList<>(ours.documents());
                    documents.addAll(sdkEmitter.documents);
                    check(figures, input, token, caught, documents, false);
                    ours.clear();
                    sdkEmitter.documents.clear();
                }
            } finally {
                ThreadLocalStorage.clear();
                SdkInternalThreadLocal.put(LambdaTraceHeader.THREAD_LOCAL_KEY, null);
            }
        }
        figures.nanos.addAndGet(System.nanoTime() - start);
    }

    /** Runs one case; returns what reached the caller, or null. */
    private static Throwable runOnce(Kind kind, HostileCase input, String token, AWSXRayRecorder recorder,
            AWSXRayRecorder raw) {
        try {
            switch (kind) {
                case SEGMENT:
                    Tracing.segment("Root", s -> Tracing.sub(input.name, sub -> input.run(sub, token)));
                    break;
                case LAMBDA_HEADER:
                    SdkInternalThreadLocal.put(LambdaTraceHeader.THREAD_LOCAL_KEY, input.header != null ? input.header
                            : "Root=" + TraceID.create(recorder) + ";Parent=" + recorder.getIdGenerator().newEntityId()
                                    + ";Sampled=1");
                    try {
                        Tracing.sub(input.name, sub -> input.run(sub, token));
                    } finally {
                        SdkInternalThreadLocal.put(LambdaTraceHeader.THREAD_LOCAL_KEY, null);
                    }
                    break;
                default:
                    raw.beginSegment("RawServlet");
                    try {
                        Tracing.sub(input.name, sub -> input.run(sub, token));
                    } finally {
                        raw.endSegment(); // the user's own call: must never throw because of us
                    }
            }
            return null;
        } catch (Throwable caught) {
            return caught;
        }
    }

    private static void check(Figures figures, HostileCase input, String token, Throwable caught,
            List<String> documents, boolean capturesResponse) {
        figures.cases.incrementAndGet();
        figures.documents.addAndGet(documents.size());
        List<String> problems = new ArrayList<>();
        if (input.thrown != null) {
            figures.bodyThrows.incrementAndGet();
            if (caught != input.thrown) {
                problems.add("expected the body's own " + input.thrown.getClass().getName() + " back, got " + caught);
            }
        } else if (caught != null) {
            problems.add("tracing threw " + caught);
        }
        boolean survived = false;
        String survivor = "\"survivor\":\"" + token + "\"";
        for (String document : documents) {
            int bytes = document.getBytes(StandardCharsets.UTF_8).length;
            figures.maxBytes.accumulateAndGet(bytes, Math::max);
            if (bytes > MAX_BYTES) {
                problems.add("a document of " + bytes + " bytes");
            }
            List<String> invalid = SegmentDocumentSchema.problems(document);
            if (!invalid.isEmpty()) {
                problems.add("invalid document " + invalid + ": " + preview(document));
            }
            survived |= document.contains(survivor);
            if (input.secret != null && !capturesResponse && document.contains(input.secret)) {
                problems.add("a secret of the result was recorded: " + preview(document));
            }
        }
        if (capturesResponse && input.thrown == null && input.result != null
                && documents.stream().noneMatch(d -> CAPTURED_RESPONSE.matcher(d).find())) {
            problems.add("no lambda.response metadata for a " + input.result.getClass().getName() + " result");
        }
        if (input.survivorExpected && !survived) {
            problems.add("the survivor annotation did not arrive in " + documents.size() + " documents");
        }
        if (!problems.isEmpty()) {
            figures.failures.incrementAndGet();
            if (FAILURES.size() < 20) {
                FAILURES.add(input + " -> " + problems);
            }
        }
    }

    private static String preview(String document) {
        return document.length() <= 300 ? document : document.substring(0, 300) + "...";
    }

    // ---- the traced handler --------------------------------------------------------------------------------------

    /** A handler that runs the current case inside its own subsegment, as handler code calls Tracing.sub. */
    static final class CaseHandler extends TracedRequestHandler<String, Object> {
        volatile HostileCase input;

        CaseHandler(HandlerTracing tracing) {
            super(tracing);
        }

        @Override
        protected Object handle(String token, Context context) throws Exception {
            try {
                return Tracing.sub(input.name, sub -> input.run(sub, token));
            } catch (Exception | Error thrown) {
                throw thrown;
            } catch (Throwable other) {
                throw new AssertionError("unexpected throwable type", other);
            }
        }
    }

    /**
     * Calls the handler as the runtime does on a warm environment: the invocation's header on the thread, a fresh
     * context, {@code handleRequest}. (The test kit's LambdaInvoker does the same and also validates every document;
     * here {@link #check} does that, once.)
     */
    private void runInHandlers(String family, Random random, int cases, Figures figures) {
        InMemoryEmitter ours = new InMemoryEmitter();
        AWSXRayRecorder recorder = LeanTracers.lean(ours);
        CaseHandler capturing = new CaseHandler(HandlerTracing.defaults().captureResponse(true));
        CaseHandler plain = new CaseHandler(HandlerTracing.defaults());
        try (TracerCore.Scope scope = LeanTracers.makeCurrent(recorder)) {
            for (int i = 0; i < cases; i++) {
                HostileCase input = HostileInputs.generate(family, random);
                CaseHandler handler = i % 2 == 0 ? capturing : plain;
                handler.input = input;
                String token = "t" + i;
                SdkInternalThreadLocal.put(LambdaTraceHeader.THREAD_LOCAL_KEY, input.header != null ? input.header
                        : "Root=" + TraceID.create(recorder) + ";Parent=" + recorder.getIdGenerator().newEntityId()
                                + ";Sampled=1");
                Throwable caught = null;
                try {
                    handler.handleRequest(token, TestContext.create());
                } catch (Throwable thrown) {
                    caught = thrown;
                } finally {
                    SdkInternalThreadLocal.put(LambdaTraceHeader.THREAD_LOCAL_KEY, null);
                    ThreadLocalStorage.clear();
                }
                check(figures, input, token, caught, ours.documents(), handler == capturing);
                ours.clear();
            }
        }
    }
}
