package dev.xraytracing.lambda.coldpath;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.xraytracing.testing.SegmentDocumentSchema;
import java.io.File;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a cold traced invocation loads, and that it works without Jackson, counted rather than timed: a fresh class loader over the test class path (less
 * the X-Ray SDK's own interceptor jar, which no function of ours carries) runs a first invocation through a traced
 * handler, a named block and a real SDK call, and then says which classes it loaded. The X-Ray SDK's entity classes,
 * Jackson databind and commons-logging are what made tracing's cold start expensive on one vCPU (docs/benchmarks.md).
 */
class ColdInvocationLoadsNoJacksonTest {

    private static HttpServer secondFunction;

    @BeforeAll
    static void startSecondFunction() throws Exception {
        secondFunction = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        secondFunction.createContext("/", exchange -> {
            byte[] body = "\"hello\"".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        secondFunction.start();
    }

    @AfterAll
    static void stopSecondFunction() {
        secondFunction.stop(0);
    }

    @Test
    void aColdTracedInvocationWithAnSdkCallLoadsNeitherJacksonNorTheXRaySdkEntitiesNorCommonsLogging()
            throws Exception {
        try (Isolated loader = new Isolated(testClassPath(false))) {
            List<String> documents = invoke(loader, false);

            assertThat(documents).hasSize(1);
            assertThat(documents.get(0)).contains("\"CallSecondLambda\"").contains("\"Lambda\"");
            SegmentDocumentSchema.assertValid(documents);
            // the control: this loader, not a parent, loaded the tracing classes and the SDK client
            assertThat(loader.loadedOf("dev.xraytracing.internal.Spans", "dev.xraytracing.sdk.internal.SdkCallTracer",
                    "software.amazon.awssdk.services.lambda.LambdaClient")).hasSize(3);
            assertThat(loader.loadedOf("com.fasterxml.jackson.databind.ObjectMapper",
                    "com.fasterxml.jackson.databind.JsonNode",
                    "com.amazonaws.xray.entities.EntityImpl",
                    "com.amazonaws.xray.entities.SubsegmentImpl",
                    "com.amazonaws.xray.entities.FacadeSegment",
                    "com.amazonaws.xray.entities.Cause",
                    "com.amazonaws.xray.strategy.sampling.CentralizedSamplingStrategy",
                    "org.apache.commons.logging.LogFactory",
                    // our emitter is no SDK Emitter: that class, its UDPEmitter and the streaming strategy stay out
                    "com.amazonaws.xray.emitters.Emitter",
                    "com.amazonaws.xray.emitters.UDPEmitter",
                    "com.amazonaws.xray.strategy.StreamingStrategy",
                    "com.amazonaws.xray.strategy.DefaultStreamingStrategy")).isEmpty();
        }
    }

    /** What docs/packaging.md lets a function leave out of its zip: Jackson's three jars. */
    @Test
    void withoutJacksonOnTheClassPathEverythingIsRecordedAndAnObjectBecomesItsText() throws Exception {
        try (Isolated loader = new Isolated(testClassPath(true))) {
            assertThat(loader.getResource("com/fasterxml/jackson/databind/ObjectMapper.class")).isNull();

            List<String> documents = invoke(loader, true);

            assertThat(documents).hasSize(1);
            SegmentDocumentSchema.assertValid(documents);
            String document = documents.get(0);
            assertThat(document).contains("\"CallSecondLambda\"", "\"Lambda\"", "\"Validate\"",
                    "\"customer\":\"c-1\"", "\"order\":{", "\"receipt\":\"Receipt r-9 of 12\"",
                    "no such order", "java.lang.IllegalArgumentException", "\"working_directory\"");
            // an exception recorded on the cold path does not set up commons-logging (the SDK's Cause does)
            assertThat(loader.loadedOf("com.amazonaws.xray.entities.Cause", "org.apache.commons.logging.LogFactory"))
                    .isEmpty();
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> invoke(Isolated loader, boolean everything) throws Exception {
        BiFunction<String, Boolean, List<String>> invocation = (BiFunction<String, Boolean, List<String>>) loader
                .loadClass(ColdTracedInvocation.class.getName()).getDeclaredConstructor().newInstance();
        return invocation.apply("http://127.0.0.1:" + secondFunction.getAddress().getPort(), everything);
    }

    /** Surefire may hand the JVM a manifest-only jar; it names the real class path in this property. */
    private static URL[] testClassPath(boolean withoutJackson) throws MalformedURLException {
        String path = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<URL> urls = new ArrayList<>();
        for (String entry : path.split(File.pathSeparator)) {
            String file = new File(entry).getName(); // not the AWS SDK's own, third-party-jackson-core
            boolean jackson = file.startsWith("jackson-databind") || file.startsWith("jackson-core")
                    || file.startsWith("jackson-annotations");
            if (!entry.isEmpty() && !entry.contains("aws-xray-recorder-sdk-aws-sdk-v2")
                    && !(withoutJackson && jackson)) {
                urls.add(new File(entry).toURI().toURL());
            }
        }
        return urls.toArray(new URL[0]);
    }

    /** A class loader that answers which classes it has loaded; only the JDK's classes come from outside it. */
    private static final class Isolated extends URLClassLoader {
        Isolated(URL[] path) {
            super(path, ClassLoader.getPlatformClassLoader());
        }

        List<String> loadedOf(String... names) {
            List<String> loaded = new ArrayList<>();
            for (String name : names) {
                if (findLoadedClass(name) != null) {
                    loaded.add(name);
                }
            }
            return loaded;
        }
    }
}
