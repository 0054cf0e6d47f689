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
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * What a cold traced invocation loads, counted rather than timed: a fresh class loader over the test class path (less
 * the X-Ray SDK's own interceptor jar, which no function of ours carries) runs a first invocation through a traced
 * handler, a named block and a real SDK call, and then says which classes it loaded. The X-Ray SDK's entity classes,
 * Jackson databind and commons-logging are what made tracing's cold start expensive on one vCPU (docs/benchmarks.md).
 */
class ColdInvocationLoadsNoJacksonTest {

    @Test
    void aColdTracedInvocationWithAnSdkCallLoadsNeitherJacksonNorTheXRaySdkEntitiesNorCommonsLogging()
            throws Exception {
        HttpServer secondFunction = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        secondFunction.createContext("/", exchange -> {
            byte[] body = "\"hello\"".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        secondFunction.start();
        try (Isolated loader = new Isolated(testClassPath())) {
            @SuppressWarnings("unchecked")
            Function<String, List<String>> invocation = (Function<String, List<String>>) loader
                    .loadClass(ColdTracedInvocation.class.getName()).getDeclaredConstructor().newInstance();

            List<String> documents = invocation.apply("http://127.0.0.1:" + secondFunction.getAddress().getPort());

            assertThat(documents).hasSize(1);
            assertThat(documents.get(0)).contains("\"CallSecondLambda\"").contains("\"Lambda\"");
            SegmentDocumentSchema.assertValid(documents);
            // the control: this loader, not a parent, loaded the tracing classes and the SDK client
            assertThat(loader.loadedOf("dev.xraytracing.internal.Spans", "dev.xraytracing.sdk.internal.SdkCallTracer",
                    "software.amazon.awssdk.services.lambda.LambdaClient")).hasSize(3);
            assertThat(loader.loadedOf("com.fasterxml.jackson.databind.ObjectMapper", "com.fasterxml.jackson.databind.JsonNode",
                    "com.amazonaws.xray.entities.EntityImpl",
                    "com.amazonaws.xray.entities.SubsegmentImpl",
                    "com.amazonaws.xray.entities.FacadeSegment",
                    "com.amazonaws.xray.entities.Cause",
                    "com.amazonaws.xray.strategy.sampling.CentralizedSamplingStrategy",
                    "org.apache.commons.logging.LogFactory")).isEmpty();
        } finally {
            secondFunction.stop(0);
        }
    }

    /** Surefire may hand the JVM a manifest-only jar; it names the real class path in this property. */
    private static URL[] testClassPath() throws MalformedURLException {
        String path = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<URL> urls = new ArrayList<>();
        for (String entry : path.split(File.pathSeparator)) {
            if (!entry.isEmpty() && !entry.contains("aws-xray-recorder-sdk-aws-sdk-v2")) {
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
