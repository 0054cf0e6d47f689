package dev.xraytracing.benchmarks;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.xraytracing.Tracer;
import dev.xraytracing.examples.MyFirstLambda;
import dev.xraytracing.internal.LambdaTraceHeader;
import dev.xraytracing.local.internal.TraceIds;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.reflect.Constructor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.utilslite.SdkInternalThreadLocal;

/**
 * Whether a warm execution environment keeps memory per invocation: the traced MyFirstLambda, as Lambda runs it
 * (one handler instance, one Lambda client, a fresh sampled trace header per invocation in the runtime's thread-local),
 * invoked 10,000 times in this JVM. Its SDK client answers in-process ({@link FakeLambdaHttpClient}) and the tracer
 * sends every document to a consumer that only counts its characters. After some of the invocations, the used heap
 * is read after full collections ({@code System.gc()} until it stops falling).
 *
 * <pre>
 * mvn -B -q verify -pl benchmarks -am -DskipTests
 * java -XX:+UseSerialGC -Xmx435m -cp "benchmarks/target/classes:$(cat benchmarks/target/coldstart/runner.classpath)" \
 *     dev.xraytracing.benchmarks.RetainedHeap
 * </pre>
 */
public final class RetainedHeap {
    private static final Set<Integer> CHECKPOINTS = Set.of(1, 100, 1_000, 2_000, 4_000, 6_000, 8_000, 10_000);
    private static final int INVOCATIONS = 10_000;

    private RetainedHeap() {
    }

    public static void main(String[] args) throws Exception {
        // --histograms DIR: a class histogram of the live heap (jcmd GC.class_histogram) at each checkpoint;
        // --tracing-off: the same handler with tracing switched off, the baseline for what the JVM and SDK keep
        List<String> options = List.of(args);
        int histogramOption = options.indexOf("--histograms");
        Path histograms = histogramOption >= 0 ? Path.of(options.get(histogramOption + 1)) : null;
        boolean tracingOff = options.contains("--tracing-off");
        long[] characters = new long[1];
        long[] documents = new long[1];
        Tracer tracer = Tracer.builder().documents(document -> {
            characters[0] += document.length();
            documents[0]++;
        }).environment(tracingOff ? Map.of("XRAY_TRACING_ENABLED", "false") : Map.of()).build();
        LambdaClient lambda = LambdaClient.builder()
                .httpClient(new FakeLambdaHttpClient())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "x")))
                .build();
        RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handler = newHandler(lambda);
        APIGatewayProxyRequestEvent event = new APIGatewayProxyRequestEvent()
                .withResource("/{proxy+}").withPath("/hello").withHttpMethod("GET");
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.out.printf(Locale.ROOT, "%s, max heap %d MB%n", System.getProperty("java.vm.name"),
                memory.getHeapMemoryUsage().getMax() >> 20);
        if (histograms != null) {
            Files.createDirectories(histograms);
        }
        // The report's own first "%.1f" fills the JDK's FDBigInteger cache (~47 KB of int arrays): done here, before
        // the first checkpoint, it no longer shows as a step between the 2,000th and 4,000th invocation.
        String.format(Locale.ROOT, "%+.1f", (double) 1 / 3);
        long first = 0;
        try (Tracer.Scope current = tracer.makeCurrent()) {
            for (int i = 1; i <= INVOCATIONS; i++) {
                String header = TraceIds.newTrace().withParent(TraceIds.newSegmentId()).toString();
                SdkInternalThreadLocal.put(LambdaTraceHeader.THREAD_LOCAL_KEY, header);
                APIGatewayProxyResponseEvent response = handler.handleRequest(event, new FakeContext());
                SdkInternalThreadLocal.put(LambdaTraceHeader.THREAD_LOCAL_KEY, null);
                if (response.getStatusCode() != 200) {
                    throw new IllegalStateException("invocation " + i + " answered " + response.getStatusCode());
                }
                if (CHECKPOINTS.contains(i)) {
                    long used = usedAfterFullGc(memory);
                    if (histograms != null) {
                        histogram(histograms.resolve("after-" + i + ".txt"));
                    }
                    if (i == 1_000) {
                        first = used;
                    }
                    System.out.printf(Locale.ROOT, "after %,6d invocations: %,8d KB used after full GC%s%n", i,
                            used >> 10, i > 1_000 ? String.format(Locale.ROOT, " (%+,d KB since 1,000: %+.1f bytes"
                                    + " per invocation)", (used - first) >> 10, (used - first) / (i - 1_000.0)) : "");
                }
            }
        }
        if (!tracingOff && documents[0] < INVOCATIONS) {
            throw new IllegalStateException("only " + documents[0] + " documents for " + INVOCATIONS
                    + " invocations: the tracer did not record");
        }
        System.out.printf(Locale.ROOT, "%,d documents (%,d characters) sent and dropped%n", documents[0],
                characters[0]);
    }

    /** The handler with this client: its constructor for a given client is package-private, as tests use it. */
    @SuppressWarnings("unchecked")
    private static RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> newHandler(
            LambdaClient lambda) throws ReflectiveOperationException {
        Constructor<MyFirstLambda> constructor = MyFirstLambda.class.getDeclaredConstructor(LambdaClient.class,
                String.class);
        constructor.setAccessible(true);
        return constructor.newInstance(lambda, "MySecondLambda");
    }

    /** Collects until the used heap stops falling (at most five times): what is left is what is retained. */
    /** Asks this JVM's jcmd, next to its java, for a histogram of the live heap. */
    private static void histogram(Path file) throws IOException, InterruptedException {
        Path java = Path.of(ProcessHandle.current().info().command().orElse("java"));
        Path jcmd = java.resolveSibling("jcmd");
        Process process = new ProcessBuilder(jcmd.toString(), Long.toString(ProcessHandle.current().pid()),
                "GC.class_histogram").redirectErrorStream(true).redirectOutput(file.toFile()).start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("jcmd failed; see " + file);
        }
    }

    private static long usedAfterFullGc(MemoryMXBean memory) throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(50);
            long now = memory.getHeapMemoryUsage().getUsed();
            if (now >= used) {
                return Math.min(now, used);
            }
            used = now;
        }
        return used;
    }

    /**
     * A Lambda context with a fresh request id, as each invocation gets. Not the test kit's {@code TestContext}: that
     * would put the test kit and its libraries on the cold-start forms' classpaths, which this module derives from
     * its own dependencies.
     */
    private static final class FakeContext implements Context {
        private final String requestId = UUID.randomUUID().toString();

        @Override
        public String getAwsRequestId() {
            return requestId;
        }

        @Override
        public String getLogGroupName() {
            return "/aws/lambda/MyFirstLambda";
        }

        @Override
        public String getLogStreamName() {
            return "local";
        }

        @Override
        public String getFunctionName() {
            return "MyFirstLambda";
        }

        @Override
        public String getFunctionVersion() {
            return "$LATEST";
        }

        @Override
        public String getInvokedFunctionArn() {
            return "arn:aws:lambda:us-east-1:123456789012:function:MyFirstLambda";
        }

        @Override
        public CognitoIdentity getIdentity() {
            return null;
        }

        @Override
        public ClientContext getClientContext() {
            return null;
        }

        @Override
        public int getRemainingTimeInMillis() {
            return 30_000;
        }

        @Override
        public int getMemoryLimitInMB() {
            return 512;
        }

        @Override
        public LambdaLogger getLogger() {
            return new LambdaLogger() {
                @Override
                public void log(String message) {
                }

                @Override
                public void log(byte[] message) {
                }
            };
        }
    }
}
