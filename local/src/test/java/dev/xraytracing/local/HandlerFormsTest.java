package dev.xraytracing.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.xraytracing.local.app.RuntimeLoop;
import dev.xraytracing.trace.RecordedTrace;
import dev.xraytracing.trace.TraceDocuments;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Traced handlers of every kind, named in both handler-string forms, behind a REST API, under each runtime loop: each
 * gets the typed event and is traced. (The byte-for-byte comparison with plain handlers is lambda-support's
 * EveryHandlerStringGetsWhatAPlainHandlerGetsTest.)
 */
class HandlerFormsTest {
    static final String HANDLERS = "dev.xraytracing.local.handlers.TracedApiHandlers$";

    @ParameterizedTest
    @EnumSource(value = RuntimeLoop.class, names = {"INTERFACE_CLIENT", "PURE_JAVA"})
    void every_traced_handler_kind_works_under_both_handler_strings(RuntimeLoop loop) {
        assumeTrue(loop == RuntimeLoop.PURE_JAVA || OS.LINUX.isCurrentOs(), "the runtime client's native library");
        List<String> output = new CopyOnWriteArrayList<>();
        try (LocalPlatform platform = LocalPlatform.builder()
                .function("ExtendingByClass", HANDLERS + "Extending")
                .function("ExtendingByMethod", HANDLERS + "Extending::handleRequest")
                .function("WrappingByMethod", HANDLERS + "Wrapping::handleRequest")
                .function("StreamingByMethod", HANDLERS + "Streaming::handleRequest")
                .restApi("api", "prod", true)
                .route("GET", "/class/{x}", "ExtendingByClass")
                .route("GET", "/method/{x}", "ExtendingByMethod")
                .route("GET", "/wrapped/{x}", "WrappingByMethod")
                .route("GET", "/stream/{x}", "StreamingByMethod")
                .runtimeLoop(loop)
                .output(output::add)
                .start()
                .prewarm()) {
            assertThat(platform.request("GET", "/class/a", null).body()).as(String.join("\n", output))
                    .isEqualTo("extending read a GET prod");
            assertThat(platform.request("GET", "/method/b", null).body()).isEqualTo("extending read b GET prod");
            assertThat(platform.request("GET", "/wrapped/c", null).body()).isEqualTo("wrapping read c GET prod");
            assertThat(platform.request("GET", "/stream/d", null).body()).isEqualTo("streaming read a proxy event");

            List<RecordedTrace> traces = TraceDocuments.assemble(platform.awaitDocuments());
            assertThat(traces).hasSize(4).allSatisfy(trace -> assertThat(trace.get("## handleRequest")).isNotNull());
            assertThat(platform.problems()).isEmpty();
            assertThat(platform.functionErrors()).isEmpty();
        }
    }
}
