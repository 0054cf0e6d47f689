package dev.xraytracing.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.xray.AWSXRayRecorder;
import com.amazonaws.xray.ThreadLocalStorage;
import com.amazonaws.xray.entities.TraceID;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.xraytracing.Tracing;
import dev.xraytracing.internal.LambdaTraceHeader;
import dev.xraytracing.internal.TracerCore;
import dev.xraytracing.internal.emit.DocumentSink;
import dev.xraytracing.lambda.TracedRequestHandler;
import dev.xraytracing.lambda.testing.TestContext;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.utilslite.SdkInternalThreadLocal;

/**
 * Load, in one JVM: 16 threads x 10,000 nested subsegments, and 10,000 warm Lambda invocations. Every document is
 * checked as it is sent (it belongs to the thread or invocation whose trace it names, and holds only that one's
 * annotations); the heap after a full GC is printed for the first and the last thousand. Nothing is timed.
 */
class LoadShowsNoCrossTalkAndNoGrowthTest {
    static final int THREADS = 16;
    static final int PER_THREAD = 10_000;
    static final int INVOCATIONS = 10_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Checks each document against the owner its trace was registered for; keeps nothing else. */
    static final class CheckingSink implements DocumentSink {
        final Map<String, String> ownerOfTrace = new ConcurrentHashMap<>();
        final Map<String, AtomicLong> documentsPerOwner = new ConcurrentHashMap<>();
        final AtomicLong crossTalk = new AtomicLong();
        final List<String> examples = new ArrayList<>();
        /** One document per trace (one invocation): forget the trace once it arrived, so the check keeps nothing. */
        volatile boolean oneDocumentPerTrace;

        @Override
        public void send(String document) {
            try {
                JsonNode node = JSON.readTree(document);
                String traceId = node.path("trace_id").asText();
                String owner = oneDocumentPerTrace ? ownerOfTrace.remove(traceId) : ownerOfTrace.get(traceId);
                if (owner == null || !ownedBy(node, owner)) {
                    crossTalk.incrementAndGet();
                    synchronized (examples) {
                        if (examples.size() < 5) {
                            examples.add(owner + ": " + document);
                        }
                    }
                    return;
                }
                // Per invocation, one count is enough (a map of 10,000 owners would itself be the growth measured).
                documentsPerOwner.computeIfAbsent(oneDocumentPerTrace ? "invocations" : owner, key -> new AtomicLong())
                        .incrementAndGet();
            } catch (Exception unreadable) {
                crossTalk.incrementAndGet();
            }
        }

        /** Every annotation "owner" in the document (nested ones too) names {@code owner}. */
        private static boolean ownedBy(JsonNode entity, String owner) {
            JsonNode annotated = entity.path("annotations").path("owner");
            if (!annotated.isMissingNode() && !annotated.asText().equals(owner)) {
                return false;
            }
            for (JsonNode child : entity.path("subsegments")) {
                if (!ownedBy(child, owner)) {
                    return false;
                }
            }
            return true;
        }
    }

    static long heapAfterFullGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static String header(AWSXRayRecorder recorder, CheckingSink sink, String owner) {
        String root = TraceID.create(recorder).toString();
        sink.ownerOfTrace.put(root, owner);
        return "Root=" + root + ";Parent=" + recorder.getIdGenerator().newEntityId() + ";Sampled=1";
    }

    @Test
    void sixteenThreadsOfNestedSubsegmentsNeverMixAndDoNotGrow() throws Exception {
        CheckingSink sink = new CheckingSink();
        AWSXRayRecorder recorder = LeanTracers.lean(sink);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            runPhase(pool, recorder, sink, 0, 1_000);
            long first = heapAfterFullGc();
            runPhase(pool, recorder, sink, 1_000, PER_THREAD - 1_000);
            runPhase(pool, recorder, sink, PER_THREAD - 1_000, PER_THREAD);
            long last = heapAfterFullGc();
            System.out.printf("load: %d threads x %d nested subsegments: %d documents, %d crossed; heap after full "
                            + "GC %.1f MB after the first thousand, %.1f MB after the last%n", THREADS, PER_THREAD,
                    sink.documentsPerOwner.values().stream().mapToLong(AtomicLong::get).sum(), sink.crossTalk.get(),
                    first / 1e6, last / 1e6);
        } finally {
            pool.shutdownNow();
        }

        assertThat(sink.crossTalk.get()).as("%s", sink.examples).isZero();
        assertThat(sink.documentsPerOwner).hasSize(THREADS);
        assertThat(sink.documentsPerOwner.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(PER_THREAD));
    }

    private static void runPhase(ExecutorService pool, AWSXRayRecorder recorder, CheckingSink sink, int from, int to)
            throws Exception {
        List<Callable<Void>> work = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            String owner = "thread-" + t;
            work.add(() -> {
                try (TracerCore.Scope scope = LeanTracers.makeCurrent(recorder)) {
                    for (int i = from; i < to; i++) {
                        if (i % 100 == 0 || i == from) {
                            SdkInternalThreadLocal.put(LambdaTraceHeader.THREAD_LOCAL_KEY, header(recorder, sink, owner));
                        }
                        int n = i;
                        Tracing.run("Outer", outer -> {
                            outer.annotate("owner", owner);
                            Tracing.run("Middle", middle -> Tracing.run("Inner", inner -> inner.annotate("owner", owner)
                                    .annotate("n", n)));
                        });
                    }
                } finally {
                    SdkInternalThreadLocal.put(LambdaTraceHeader.THREAD_LOCAL_KEY, null);
                    ThreadLocalStorage.clear();
                }
                return null;
            });
        }
        for (Future<Void> done : pool.invokeAll(work)) {
            done.get();
        }
    }

    static final class CallingHandler extends TracedRequestHandler<String, String> {
        @Override
        protected String handle(String owner, Context context) {
            Tracing.current().annotate("owner", owner);
            InvokeResponse response = Tracing.sub("CallSecondLambda", s -> {
                s.annotate("owner", owner);
                return InvokeResponse.builder().statusCode(200).build();
            });
            return owner + ":" + response.statusCode();
        }
    }

    @Test
    void tenThousandWarmInvocationsNeverMixAndDoNotGrow() {
        CheckingSink sink = new CheckingSink();
        AWSXRayRecorder recorder = LeanTracers.lean(sink);
        sink.oneDocumentPerTrace = true;
        CallingHandler handler = new CallingHandler();
        long first = 0;
        int wrongAnswers = 0;
        try (TracerCore.Scope scope = LeanTracers.makeCurrent(recorder)) {
            for (int i = 0; i < INVOCATIONS; i++) {
                String owner = "invocation-" + i;
                SdkInternalThreadLocal.put(LambdaTraceHeader.THREAD_LOCAL_KEY, header(recorder, sink, owner));
                try {
                    if (!handler.handleRequest(owner, TestContext.create()).equals(owner + ":200")) {
                        wrongAnswers++;
                    }
                } finally {
                    SdkInternalThreadLocal.put(LambdaTraceHeader.THREAD_LOCAL_KEY, null);
                }
                if (i == 999) {
                    first = heapAfterFullGc();
                }
            }
        }
        long last = heapAfterFullGc();
        long documents = sink.documentsPerOwner.values().stream().mapToLong(AtomicLong::get).sum();
        System.out.printf("load: %d warm invocations: %d documents, %d crossed; heap after full GC %.1f MB after the "
                + "first thousand, %.1f MB after the last%n", INVOCATIONS, documents, sink.crossTalk.get(), first / 1e6,
                last / 1e6);

        assertThat(wrongAnswers).isZero();
        assertThat(sink.crossTalk.get()).as("%s", sink.examples).isZero();
        assertThat(sink.ownerOfTrace).as("invocations whose document never arrived").isEmpty();
        assertThat(documents).isEqualTo(INVOCATIONS);
    }
}
