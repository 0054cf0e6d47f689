package dev.xraytracing.lambda.coldpath;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.xraytracing.testing.SegmentDocumentSchema;
import java.io.File;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each lambda or method reference whose call site runs for the first time makes the JVM spin a hidden class
 * (~0.65 ms on one core, against ~0.2 ms for a named class), so none of ours may run on a traced cold start
 * (docs/benchmarks.md). A fresh JVM, with its class loading logged, runs {@link ColdInvocationInAFreshJvm}: init and
 * a first invocation with an SDK call to a stand-in function on 127.0.0.1, its documents sent to a stand-in daemon.
 * Counted, not timed. The backend is this execution's ({@code xraytracing.backend}), so both backends are covered.
 */
class AColdTracedInvocationSpinsNoLambdaOfOursTest {
    /** What the X-Ray UDP span exporter puts before its base64 OTLP payload. */
    private static final String SPANS = "T1S";
    private static final byte[] HELLO = "\"hello\"".getBytes(StandardCharsets.UTF_8);
    private static HttpServer secondFunction;

    @BeforeAll
    static void answerHello() throws IOException {
        secondFunction = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        secondFunction.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, HELLO.length);
            exchange.getResponseBody().write(HELLO);
            exchange.close();
        });
        secondFunction.start();
    }

    @AfterAll
    static void stopAnswering() {
        secondFunction.stop(0);
    }

    @Test
    void aTracedColdInvocationWithAnSdkCallSpinsNoLambdaOfCoreLambdaSupportOrOtel(@TempDir Path folder)
            throws Exception {
        String output = coldStartSpinningNoLambdaOfOurs(folder, "MyFirstLambda", "CallSecondLambda");

        assertThat(output).contains("answered \"hello\"");
    }

    @Test
    void onOneCpuWithoutTheWarmUpThreadNoLambdaOfOursIsSpunEither(@TempDir Path folder) throws Exception {
        String output = coldStartSpinningNoLambdaOfOurs(folder, "MyFirstLambda", "CallSecondLambda", true);

        assertThat(output).contains("answered \"hello\"");
    }

    @Test
    void aTracedBatchColdInvocationSpinsNoLambdaOfOursEither(@TempDir Path folder) throws Exception {
        String output = coldStartSpinningNoLambdaOfOurs(folder, "batch", "SQS orders");

        assertThat(output).contains("failed records 0");
    }

    /** Runs the cold start in a fresh JVM, checks what the daemon got and the class log; returns the child's output. */
    private static String coldStartSpinningNoLambdaOfOurs(Path folder, String form, String recordedName)
            throws Exception {
        return coldStartSpinningNoLambdaOfOurs(folder, form, recordedName, false);
    }

    /**
     * @param oneCpu the JVM sees one CPU and the warm-up is left at its default (no thread: the invocation loads
     *               everything itself); else the warm-up thread of two CPUs is forced on
     */
    private static String coldStartSpinningNoLambdaOfOurs(Path folder, String form, String recordedName,
            boolean oneCpu) throws Exception {
        Path classLog = folder.resolve("classes.log");
        String output;
        try (DatagramSocket daemon = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            output = runColdStart(classLog, daemon.getLocalPort(), form, oneCpu);
            List<String> payloads = received(daemon);

            List<String> documents = new ArrayList<>();
            StringBuilder everything = new StringBuilder();
            for (String payload : payloads) {
                if (payload.startsWith(SPANS)) { // the OpenTelemetry backend's: base64 OTLP, names in plain bytes
                    everything.append(new String(Base64.getDecoder().decode(payload.substring(SPANS.length())),
                            StandardCharsets.ISO_8859_1));
                } else {
                    documents.add(payload);
                    everything.append(payload);
                }
            }
            assertThat(everything).as("what the daemon received").contains(recordedName, "Lambda");
            SegmentDocumentSchema.assertValid(documents);
        }
        List<String> loaded = new ArrayList<>();
        for (String line : Files.readAllLines(classLog)) {
            loaded.add(line.split(" ", 2)[0]);
        }
        String user = ColdInvocationInAFreshJvm.class.getPackageName() + "."; // this package: the user's code
        assertThat(loaded).as("the control: the log holds our classes, the SDK call's and the user's own lambdas")
                .contains("dev.xraytracing.lambda.internal.InvocationTracer",
                        "dev.xraytracing.sdk.internal.SdkCallTracer",
                        "software.amazon.awssdk.services.lambda.LambdaClient")
                .anyMatch(name -> name.startsWith(user) && name.contains("$$Lambda"));
        String warmUp = "dev.xraytracing.lambda.internal.InitWarmUp";
        if (oneCpu) {
            assertThat(loaded).as("one CPU and the default: the warm-up is not even loaded to decide")
                    .doesNotContain(warmUp);
        } else {
            assertThat(loaded).as("the warm-up thread forced on").contains(warmUp);
        }
        List<String> ours = loaded.stream().filter(name -> name.startsWith("dev.xraytracing.")
                && !name.startsWith(user) && name.contains("$$Lambda")).toList();
        assertThat(ours).as("lambdas of ours spun on the cold path (each a hidden class: use a direct call or a "
                + "named class)").isEmpty();
        return output;
    }

    /** The child's output; it must end well (the wait is a guard against a hung child, not a timing). */
    private static String runColdStart(Path classLog, int daemonPort, String form, boolean oneCpu)
            throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-XX:ActiveProcessorCount=" + (oneCpu ? 1 : 2),
                "-Xlog:class+load=info:file=" + classLog + ":none",
                "-Dxraytracing.backend=" + System.getProperty("xraytracing.backend", "xray"),
                "-cp", classPath(), ColdInvocationInAFreshJvm.class.getName(),
                "http://127.0.0.1:" + secondFunction.getAddress().getPort(), form).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("XRAY_TRACING_") || name.startsWith("AWS_")
                || name.startsWith("_X_AMZN") || name.equals("_HANDLER"));
        environment.put("AWS_XRAY_DAEMON_ADDRESS", "127.0.0.1:" + daemonPort);
        environment.put("AWS_LAMBDA_FUNCTION_NAME", "FirstFunction");
        if (!oneCpu) {
            environment.put("XRAY_TRACING_INIT_WARM_UP", "on"); // the background warm-up's thread is on the path too
        }
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("the child ended").isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    /** Every payload the stand-in daemon holds once the child has ended, header lines removed. */
    private static List<String> received(DatagramSocket daemon) throws IOException {
        List<String> documents = new ArrayList<>();
        byte[] buffer = new byte[70_000];
        daemon.setSoTimeout(2_000);
        try {
            while (true) {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                daemon.receive(packet);
                String text = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
                documents.add(text.substring(text.indexOf('\n') + 1));
            }
        } catch (SocketTimeoutException drained) {
            return documents;
        }
    }

    /** The test class path (surefire names it in a property), less the X-Ray SDK's own interceptor jar. */
    private static String classPath() {
        String path = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> entries = new ArrayList<>();
        for (String entry : path.split(File.pathSeparator)) {
            if (!entry.isEmpty() && !entry.contains("aws-xray-recorder-sdk-aws-sdk-v2")) {
                entries.add(entry);
            }
        }
        return String.join(File.pathSeparator, entries);
    }
}
