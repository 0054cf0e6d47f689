package dev.xraytracing;

import static dev.xraytracing.testing.TracingAssertions.assertThat;

import dev.xraytracing.context.TraceContext;
import dev.xraytracing.fakes.FakeAws;
import dev.xraytracing.status.CallStatus;
import dev.xraytracing.status.StatusReader;
import dev.xraytracing.testing.TracingExtension;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/** The README's snippets, compiled and run as written there. Keep the two in step. */
class ReadmeSnippetsTest {

    @RegisterExtension
    static final TracingExtension tracing = TracingExtension.inLambda();

    @RegisterExtension
    final FakeAws aws = FakeAws.start().json(200, "{}");
    private final LambdaClient lambda = aws.lambda();
    private final InvokeRequest request = InvokeRequest.builder().functionName("MySecondLambda").build();
    private final Cache cache = new Cache();

    @TempDir
    Path directory;


    @Test
    void twoShapes() throws IOException {
        Path path = Files.writeString(directory.resolve("app.conf"), "debug=false");

        InvokeResponse response = Tracing.sub("CallSecondLambda", s -> lambda.invoke(request));
        Tracing.run("WarmCache", s -> cache.warm());
        String config = Tracing.sub("ReadConfig", s -> Files.readString(path));

        org.assertj.core.api.Assertions.assertThat(response.statusCode()).isEqualTo(200);
        org.assertj.core.api.Assertions.assertThat(config).isEqualTo("debug=false");
        assertThat(tracing.emitter().traces().get(0)).subsegment("WarmCache").isOk();
    }

    @Test
    @SuppressWarnings({"rawtypes", "unchecked"})
    void teachingAStatus() {
        StatusReader.register(HttpResponse.class, r -> CallStatus.of(r.statusCode()));
    }

    @Test
    @SuppressWarnings({"rawtypes", "unchecked"})
    void configuringATracer() {
        // The README installs it with Tracer.setDefault; a test keeps the default untouched and makes it its own.
        java.util.List<String> sent = new java.util.concurrent.CopyOnWriteArrayList<>();
        Tracer tracer = Tracer.builder()
                .samplingRules(ReadmeSnippetsTest.class.getResource("/sample-everything.json"))
                .statusReader(HttpResponse.class, r -> CallStatus.of(r.statusCode()))
                .documents(sent::add)
                .build();

        try (Tracer.Scope scope = tracer.makeCurrent()) {
            Tracing.segment("Main", s -> s.isRecording());
        }

        org.assertj.core.api.Assertions.assertThat(sent).singleElement().asString().contains("\"name\":\"Main\"");
        org.assertj.core.api.Assertions.assertThat(tracing.emitter().documents()).isEmpty();
    }

    @Test
    void annotationsAndMetadata() {
        Tracing.sub("CallSecondLambda", s -> {
            InvokeResponse r = lambda.invoke(request);
            s.annotate("SecondLambdaStatus", r.statusCode());     // indexed: filter traces by it
            s.metadata("request", Map.of("function", "MySecondLambda")); // not indexed, any JSON
            Tracing.annotate("Tenant", "acme"); // the innermost open subsegment, from anywhere
            return r;
        });

        assertThat(tracing.trace()).subsegment("CallSecondLambda").hasAnnotation("SecondLambdaStatus", "200")
                .hasAnnotation("Tenant", "acme").hasMetadata("default", "request");
    }

    @Test
    void otherThreads() throws Exception {
        ExecutorService pool = TraceContext.wrap(Executors.newFixedThreadPool(4));
        try {
            Tracing.run("Parent", parent -> {
                pool.submit(() -> Tracing.run("Resize", s -> resize("image"))).get();   // nests under the submitter

                CompletableFuture.supplyAsync(TraceContext.supplier(() -> Tracing.sub("Fetch", s -> fetch())), pool)
                        .thenApply(TraceContext.function(data -> Tracing.sub("Parse", s -> parse(data)))).join();
            });
        } finally {
            pool.shutdown();
        }

        assertThat(tracing.trace()).subsegment("Parent").child("Resize").parent().child("Fetch").parent()
                .child("Parse");
    }

    @Test
    void startingATraceOutsideLambda() {
        String order = Tracing.segment("OrderService", "GET", "/orders/42", s -> Tracing.sub("LoadOrder", l -> load(42)));

        org.assertj.core.api.Assertions.assertThat(order).isEqualTo("order 42");
    }

    private static String load(int id) {
        return "order " + id;
    }

    @Test
    void testingYourTracing() {
        Tracing.sub("CallSecondLambda", s -> s.annotate("SecondLambdaStatus", "200"));

        assertThat(tracing.trace())
                .subsegment("CallSecondLambda")
                .hasAnnotation("SecondLambdaStatus", "200")
                .hasNoCause();
    }

    private static void resize(String image) {
    }

    private static String fetch() {
        return "data";
    }

    private static int parse(String data) {
        return data.length();
    }

    static final class Cache {
        void warm() {
        }
    }
}
