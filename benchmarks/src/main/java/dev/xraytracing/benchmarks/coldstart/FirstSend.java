package dev.xraytracing.benchmarks.coldstart;

import dev.xraytracing.internal.emit.DocumentSink;
import dev.xraytracing.internal.emit.DocumentSinks;
import dev.xraytracing.internal.log.WarnOnce;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Locale;

/**
 * The backend's own share of a cold start, isolated: in a fresh JVM, the wall and CPU time of the first sends of a
 * function's documents through the sink a tracer built from the environment gets ({@code -Dxraytracing.backend=xray}
 * or {@code opentelemetry}). CPU time holds still on a loaded machine, where a whole cold start's wall time spreads
 * over a second. Prints one line: backend, wall ms, CPU ms. Run each backend in a fresh JVM on one core, in turns
 * (docs/benchmarks.md).
 */
public final class FirstSend {
    private static final String TRACE = "1-5759e988-bd862e3fe1be46a994272793";
    /** The documents MyFirstLambda's cold invocation sends: its SDK call, the sub around it, the handler's. */
    private static final String[] DOCUMENTS = {
        "{\"name\":\"Lambda\",\"id\":\"2b3c4d5e6f708192\",\"start_time\":1.7650e9,\"end_time\":1.76500001e9,"
                + "\"namespace\":\"aws\",\"type\":\"subsegment\",\"parent_id\":\"1a2b3c4d5e6f7081\",\"trace_id\":\""
                + TRACE + "\",\"http\":{\"response\":{\"status\":200,\"content_length\":42}},"
                + "\"aws\":{\"operation\":\"Invoke\",\"region\":\"eu-west-1\",\"request_id\":\"abc-123\","
                + "\"function_name\":\"MySecondLambda\",\"retries\":0}}",
        "{\"name\":\"CallSecondLambda\",\"id\":\"1a2b3c4d5e6f7081\",\"start_time\":1.7650e9,"
                + "\"end_time\":1.76500002e9,\"type\":\"subsegment\",\"parent_id\":\"0a1b2c3d4e5f6071\","
                + "\"trace_id\":\"" + TRACE + "\",\"annotations\":{\"SecondLambdaStatus\":200}}",
        "{\"name\":\"## handleRequest\",\"id\":\"0a1b2c3d4e5f6071\",\"start_time\":1.7650e9,"
                + "\"end_time\":1.76500003e9,\"type\":\"subsegment\",\"parent_id\":\"53995c3f42cd8ad8\","
                + "\"trace_id\":\"" + TRACE + "\",\"annotations\":{\"ColdStart\":true,\"Service\":\"MyFirstLambda\"},"
                + "\"metadata\":{\"default\":{\"event\":{\"path\":\"/hello\",\"httpMethod\":\"GET\"}}}}"
    };

    private FirstSend() {
    }

    public static void main(String[] args) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        // a port nobody reads: UDP sends succeed all the same
        InetSocketAddress daemon = new InetSocketAddress(InetAddress.getLoopbackAddress(), 9);
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        DocumentSink sink = DocumentSinks.toDaemon(daemon, new WarnOnce());
        for (String document : DOCUMENTS) {
            sink.send(document);
        }
        long wall = System.nanoTime() - start;
        long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
        System.out.printf(Locale.ROOT, "%s %.1f %.1f%n", System.getProperty("xraytracing.backend", "xray"),
                wall / 1e6, cpu / 1e6);
    }
}
