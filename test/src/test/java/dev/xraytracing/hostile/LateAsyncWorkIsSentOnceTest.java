package dev.xraytracing.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.xraytracing.Tracing;
import dev.xraytracing.context.TraceContext;
import dev.xraytracing.testing.TracingExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Issue 11, item 10: a task that runs after its parent subsegment closed is sent on its own, once, under its parent;
 * the segment is never sent a second time.
 */
@Execution(ExecutionMode.SAME_THREAD) // both tests count the documents of one static extension's emitter
class LateAsyncWorkIsSentOnceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final TracingExtension lambda = TracingExtension.inLambda();

    private final ExecutorService pool = TraceContext.wrap(Executors.newFixedThreadPool(4));

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    /** Tasks under a subsegment "Parent" that has closed when this returns; each waits for {@code gate} first. */
    private List<Future<?>> submitLateTasks(int count, CountDownLatch gate) {
        List<Future<?>> tasks = new ArrayList<>();
        Tracing.run("Parent", s -> {
            for (int i = 0; i < count; i++) {
                tasks.add(pool.submit(() -> {
                    gate.await(5, TimeUnit.SECONDS);
                    Tracing.run("Late", late -> late.annotate("survivor", "here"));
                    return null;
                }));
            }
        });
        return tasks;
    }

    private static List<JsonNode> parsed(List<String> documents) throws Exception {
        List<JsonNode> nodes = new ArrayList<>();
        for (String document : documents) {
            nodes.add(JSON.readTree(document));
        }
        return nodes;
    }

    @Test
    void lateTasksUnderLambdaAreEachSentOnceUnderTheirParent() throws Exception {
        CountDownLatch parentClosed = new CountDownLatch(1);
        List<Future<?>> tasks = submitLateTasks(40, parentClosed);
        parentClosed.countDown();
        for (Future<?> task : tasks) {
            task.get(10, TimeUnit.SECONDS);
        }

        List<JsonNode> documents = parsed(lambda.emitter().documents());
        String parentId = documents.stream().filter(d -> d.path("name").asText().equals("Parent")).findFirst()
                .orElseThrow().path("id").asText();
        List<JsonNode> late = documents.stream().filter(d -> d.path("name").asText().equals("Late")).toList();
        assertThat(late).hasSize(40).allSatisfy(d -> {
            assertThat(d.path("parent_id").asText()).isEqualTo(parentId);
            assertThat(d.path("annotations").path("survivor").asText()).isEqualTo("here");
        });
        assertThat(late.stream().map(d -> d.path("id").asText()).distinct()).hasSize(40);
    }

    @Test
    void lateTasksUnderASegmentNeverSendTheSegmentTwice() throws Exception {
        // Without the Lambda header, in a segment of its own.
        software.amazon.awssdk.utilslite.SdkInternalThreadLocal.put(
                dev.xraytracing.internal.LambdaTraceHeader.THREAD_LOCAL_KEY, null);
        com.amazonaws.xray.AWSXRayRecorder recorder = dev.xraytracing.internal.TracerCore.current().recorder();
        com.amazonaws.xray.entities.SegmentImpl segment = new com.amazonaws.xray.entities.SegmentImpl(recorder,
                "Root", com.amazonaws.xray.entities.TraceID.create(recorder));
        com.amazonaws.xray.ThreadLocalStorage.set(segment);
        CountDownLatch parentClosed = new CountDownLatch(1);
        List<Future<?>> tasks = submitLateTasks(20, parentClosed); // they start once the segment was sent
        dev.xraytracing.internal.Spans.finishSegment(segment);
        parentClosed.countDown();
        for (Future<?> task : tasks) {
            task.get(10, TimeUnit.SECONDS);
        }

        List<JsonNode> documents = parsed(lambda.emitter().documents());
        long segmentsSent = documents.stream().filter(d -> d.path("name").asText().equals("Root")).count();
        assertThat(segmentsSent).isEqualTo(1);
        long late = documents.stream().mapToLong(LateAsyncWorkIsSentOnceTest::countLate).sum();
        assertThat(late).isEqualTo(20);
    }

    private static long countLate(JsonNode node) {
        long count = node.path("name").asText().equals("Late") ? 1 : 0;
        for (JsonNode child : node.path("subsegments")) {
            count += countLate(child);
        }
        return count;
    }
}
