package dev.xraytracing.faults.coldpath;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The faults module costs nothing at cold start until a rule exists, counted rather than timed (as core's
 * {@code ColdInvocationLoadsNoJacksonTest}): a fresh class loader over this module's test class path, faults module
 * included, runs a first traced invocation and says which classes it loaded. With no rule source set, the module is
 * asked and decides from the settings alone; Jackson databind stays unloaded. With a rule, it parses, as it must.
 */
class ColdStartWithTheFaultsModuleTest {
    private static final String[] JACKSON = {"com.fasterxml.jackson.databind.ObjectMapper",
        "com.fasterxml.jackson.databind.JsonNode", "com.fasterxml.jackson.core.JsonFactory"};
    private static HttpServer secondFunction;

    @BeforeAll
    static void startSecondFunction() throws Exception {
        secondFunction = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        secondFunction.createContext("/", exchange -> {
            byte[] body = "\"hello\"".getBytes(StandardCharsets.UTF_8);
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
    void withTheModulePackagedAndNoRuleAColdInvocationLoadsNoJackson() throws Exception {
        try (Counting loader = new Counting()) {
            List<String> documents = invoke(loader, Map.of());

            assertThat(documents).singleElement().asString().contains("\"CallSecondLambda\"")
                    .doesNotContain("FaultInjected");
            assertThat(loader.loadedOf("dev.xraytracing.faults.internal.FaultsProvider",
                    "software.amazon.awssdk.services.lambda.LambdaClient"))
                    .as("the control: this loader found the module and ran the call").hasSize(2);
            assertThat(loader.loadedOf(JACKSON)).as("Jackson loaded by a cold start without rules").isEmpty();
            assertThat(loader.loadedOf("dev.xraytracing.faults.internal.RuleSources$Json",
                    "dev.xraytracing.faults.internal.Rule", "dev.xraytracing.faults.internal.FaultInjector"))
                    .as("rule reading without a rule").isEmpty();
        }
    }

    @Test
    void aRuleInTheEnvironmentIsReadWithJacksonAndFires() throws Exception {
        try (Counting loader = new Counting()) {
            List<String> documents = invoke(loader, Map.of("XRAY_TRACING_FAULTS",
                    "[{\"id\": \"slow\", \"target\": \"block:CallSecondLambda\", \"mode\": \"latency\", \"latencyMs\": 1}]"));

            assertThat(documents).singleElement().asString().contains("\"FaultRule\":\"slow\"");
            assertThat(loader.loadedOf(JACKSON[0])).as("the other side of the control").hasSize(1);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> invoke(Counting loader, Map<String, String> environment) throws Exception {
        BiFunction<String, Map<String, String>, List<String>> invocation = (BiFunction<String, Map<String, String>,
                List<String>>) loader.loadClass(ColdInvocationUnderSettings.class.getName()).getDeclaredConstructor()
                .newInstance();
        return invocation.apply("http://127.0.0.1:" + secondFunction.getAddress().getPort(), environment);
    }

    /** This module's test class path (surefire names it in a property), less the X-Ray SDK's own interceptor jar. */
    private static URL[] moduleClassPath() throws Exception {
        List<URL> urls = new ArrayList<>();
        String path = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        for (String entry : path.split(File.pathSeparator)) {
            if (!entry.isEmpty() && !entry.contains("aws-xray-recorder-sdk-aws-sdk-v2")) {
                urls.add(new File(entry).toURI().toURL());
            }
        }
        return urls.toArray(new URL[0]);
    }

    /** Loads everything but the JDK itself, and answers which of some classes it loaded. */
    private static final class Counting extends URLClassLoader {
        Counting() throws Exception {
            super(moduleClassPath(), ClassLoader.getPlatformClassLoader());
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
