package dev.xraytracing.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.xraytracing.local.app.LocalRunException;
import dev.xraytracing.local.app.RuntimeLoop;
import dev.xraytracing.testing.SegmentDocumentSchema;
import dev.xraytracing.trace.RecordedEntity;
import dev.xraytracing.trace.RecordedTrace;
import dev.xraytracing.trace.TraceDocuments;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What goes wrong is reported in one line that names the cause, and still traced. */
class ClearErrorsTest {
    final List<String> output = new CopyOnWriteArrayList<>();

    @Test
    void a_missing_handler_class_is_named_before_any_jvm_starts() {
        assertThatThrownBy(() -> LocalPlatform.builder()
                .function("Orders", "com.example.NoSuchHandler::handleRequest")
                .output(output::add)
                .start())
                .isInstanceOf(LocalRunException.class)
                .hasMessage("handler class com.example.NoSuchHandler of function Orders is not on the classpath");
    }

    @Test
    void a_port_in_use_is_named() throws IOException {
        HttpServer taken = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        try {
            int port = taken.getAddress().getPort();
            assertThatThrownBy(() -> LocalPlatform.builder()
                    .function("Back", "dev.xraytracing.local.handlers.BackHandler")
                    .ports(0, port, 0)
                    .output(output::add)
                    .start())
                    .isInstanceOf(LocalRunException.class)
                    .hasMessage("port " + port + " for the Lambda Invoke API is already in use");
        } finally {
            taken.stop(0);
        }
    }

    @ParameterizedTest
    @EnumSource(value = RuntimeLoop.class, names = {"INTERFACE_CLIENT", "PURE_JAVA"})
    void a_handler_that_throws_during_init_is_reported_in_one_line_and_traced_as_a_fault(RuntimeLoop loop) {
        try (LocalPlatform platform = LocalPlatform.builder()
                .function("Broken", "dev.xraytracing.local.handlers.BrokenInitHandler")
                .runtimeLoop(loop)
                .output(output::add)
                .start()) {
            LocalPlatform.ApiResponse response = platform.invoke("Broken", "{}", null);

            assertThat(response.body()).contains("missing configuration TABLE_NAME");
            assertThat(platform.problems()).singleElement().asString()
                    .startsWith("Broken failed during init: ")
                    .contains("missing configuration TABLE_NAME")
                    .doesNotContain("\n");
            List<String> documents = platform.awaitDocuments();
            SegmentDocumentSchema.assertValid(documents);
            RecordedTrace trace = TraceDocuments.assemble(documents).get(0);
            RecordedEntity initialization = trace.get("Initialization");
            assertThat(initialization.isFault()).isTrue();
            assertThat(initialization.parent().orElseThrow().origin()).isEqualTo("AWS::Lambda::Function");
        }
    }

    @Test
    void a_handler_exception_is_a_function_error_with_the_runtimes_cause_on_the_function_segment() {
        try (LocalPlatform platform = LocalPlatform.builder()
                .function("Thrower", "dev.xraytracing.local.handlers.ThrowingHandler")
                .runtimeLoop(RuntimeLoop.INTERFACE_CLIENT)
                .output(output::add)
                .start()) {
            LocalPlatform.ApiResponse response = platform.invoke("Thrower", "{}", null);

            assertThat(response.body()).contains("order 42 has no items").contains("IllegalArgumentException");
            List<String> documents = platform.awaitDocuments();
            SegmentDocumentSchema.assertValid(documents);
            RecordedTrace trace = TraceDocuments.assemble(documents).get(0);
            RecordedEntity invocation = trace.get("Invocation");
            assertThat(invocation.isFault()).isTrue();
            assertThat(invocation.exceptions()).isNotEmpty();
            assertThat(invocation.exceptions().get(0).toString()).contains("order 42 has no items");
        }
    }
}
