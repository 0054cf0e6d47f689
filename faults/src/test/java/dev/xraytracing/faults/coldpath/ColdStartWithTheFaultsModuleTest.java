package dev.xraytracing.faults.coldpath;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
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
    private static final byte[] HELLO = "\"hello\"".getBytes(StandardCharsets.UTF_8);
    private static final String[] JACKSON = {"com.fasterxml.jackson.databind.ObjectMapper",
        "com.fasterxml.jackson.databind.JsonNode", "com.fasterxml.jackson.core.JsonFactory",
        "com.fasterxml.jackson.core.JacksonException"};
    /** MySecondLambda's stand-in: every request answers the payload "hello". */
    private static HttpServer secondFunction;

    @BeforeAll
    static void answerHello() throws IOException {
        secondFunction = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        secondFunction.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, HELLO.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(HELLO);
            }
        });
        secondFunction.start();
    }

    @AfterAll
    static void stopAnswering() {
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
            assertThat(loader.loadedOf("dev.xraytracing.faults.internal.RuleSources",
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
    private static URL[] moduleClassPath() {
        String path = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(path.split(File.pathSeparator))
                .filter(entry -> !entry.isEmpty() && !entry.contains("aws-xray-recorder-sdk-aws-sdk-v2"))
                .map(ColdStartWithTheFaultsModuleTest::url).toArray(URL[]::new);
    }

    private static URL url(String entry) {
        try {
            return Path.of(entry).toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(entry, e);
        }
    }

    /** Loads everything but the JDK itself, and answers which of some classes it loaded. */
    private static final class Counting extends URLClassLoader {
        Counting() {
            super(moduleClassPath(), ClassLoader.getPlatformClassLoader());
        }

        List<String> loadedOf(String... names) {
            return Arrays.stream(names).filter(name -> findLoadedClass(name) != null).toList();
        }
    }
}
