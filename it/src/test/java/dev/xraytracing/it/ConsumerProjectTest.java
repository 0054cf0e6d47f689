package dev.xraytracing.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * it/consumer, a function outside this build that depends only on the BOM and our artifacts, was built, tested and
 * packaged by the invoker (mvn verify, private local repository) before this test: check what that left behind.
 */
class ConsumerProjectTest {
    private static final Path CONSUMER = Path.of(System.getProperty("consumer.directory"));
    private static final String VERSION = System.getProperty("project.version");

    private static String buildLog() throws IOException {
        return Files.readString(CONSUMER.resolve("build.log"), StandardCharsets.UTF_8);
    }

    @Test
    void theConsumerBuiltAndItsTestsPassed() throws IOException {
        assertThat(buildLog()).contains("BUILD SUCCESS")
                .containsPattern("Tests run: 2, Failures: 0, Errors: 0, Skipped: 0\\R");
    }

    @Test
    void withoutAnSlf4jProviderOurWarningsWentToStandardErrorWithOnePrefix() throws IOException {
        List<String> ours = buildLog().lines().filter(line -> line.startsWith("[xray-tracing] WARN ")).toList();

        assertThat(ours).contains("[xray-tracing] WARN no trace context (no open segment and no Lambda trace header): "
                + "traced code runs, but nothing is recorded");
        assertThat(buildLog()).contains("No SLF4J providers were found");
    }

    @Test
    void theZipHoldsTheFunctionAtTheRootAndEveryRuntimeJarUnderLib() throws IOException {
        try (ZipFile zip = new ZipFile(CONSUMER.resolve("target/orders-function-1.0.0-lambda.zip").toFile())) {
            List<String> names = zip.stream().map(ZipEntry::getName).toList();

            assertThat(names).contains("com/example/orders/OrderHandler.class",
                    "lib/xray-tracing-core-" + VERSION + ".jar", "lib/xray-tracing-lambda-support-" + VERSION + ".jar",
                    "lib/aws-lambda-java-core-1.4.0.jar");
            assertThat(names).anyMatch(name -> name.startsWith("lib/aws-xray-recorder-sdk-core-"));
            assertThat(names).as("test libraries and SLF4J providers stay out")
                    .noneMatch(name -> name.contains("junit") || name.contains("assertj")
                            || name.contains("json-schema-validator") || name.contains("slf4j-simple"));
            assertThat(names).as("no test classes").noneMatch(name -> name.contains("OrderHandlerTest"));
        }
    }

    @Test
    void theCoreJarInTheZipStillRegistersTheSdkInterceptor() throws IOException {
        try (ZipFile zip = new ZipFile(CONSUMER.resolve("target/orders-function-1.0.0-lambda.zip").toFile());
             InputStream core = zip.getInputStream(zip.getEntry("lib/xray-tracing-core-" + VERSION + ".jar"));
             JarInputStream jar = new JarInputStream(core)) {
            String interceptors = null;
            for (ZipEntry entry = jar.getNextEntry(); entry != null; entry = jar.getNextEntry()) {
                if (entry.getName().equals("software/amazon/awssdk/global/handlers/execution.interceptors")) {
                    interceptors = new String(jar.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
            assertThat(interceptors).contains("dev.xraytracing.sdk.TracingExecutionInterceptor");
        }
    }
}
