package dev.xraytracing.lambda;

import static dev.xraytracing.testing.TracingAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.xraytracing.Tracing;
import dev.xraytracing.lambda.testing.Invocation;
import dev.xraytracing.lambda.testing.LambdaInvoker;
import dev.xraytracing.trace.RecordedEntity;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Multi-concurrency (AWS_LAMBDA_MAX_CONCURRENCY): the runtime passes each thread its own header. */
class ConcurrentInvocationsTest {

    private static final int THREADS = 6;

    @Test
    void concurrentInvocationsInOneEnvironmentNeverMix() throws Exception {
        CyclicBarrier allInside = new CyclicBarrier(THREADS);
        RequestHandler<String, String> handler = new TracedRequestHandler<>() {
            @Override
            protected String handle(String id, Context context) throws Exception {
                Tracing.annotate("Caller", id);
                allInside.await(); // every invocation is open at once before any goes on
                Tracing.run("Work", work -> Tracing.annotate("Caller", id));
                return id;
            }
        };
        LambdaInvoker<String, String> lambda = LambdaInvoker.of(handler);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Invocation<String>>> futures = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                String id = "caller-" + i;
                futures.add(pool.submit(() -> lambda.invoke(id)));
            }
            List<String> traceIds = new ArrayList<>();
            for (Future<Invocation<String>> future : futures) {
                Invocation<String> invocation = future.get();
                String id = invocation.output();
                RecordedEntity root = invocation.trace().get("## handleRequest");
                assertThat(root).hasAnnotation("Caller", id).hasChildCount(1);
                assertThat(root).subsegment("Work").hasAnnotation("Caller", id);
                assertThat(invocation.trace().entities()).hasSize(2);
                traceIds.add(invocation.trace().traceId());
            }
            assertThat(traceIds).doesNotHaveDuplicates();
            assertThat(lambda.documents()).hasSize(THREADS);
        } finally {
            pool.shutdownNow();
        }
    }
}
