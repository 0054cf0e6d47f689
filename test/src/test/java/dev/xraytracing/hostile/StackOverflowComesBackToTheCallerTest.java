package dev.xraytracing.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xraytracing.Tracing;
import dev.xraytracing.testing.TracingExtension;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Issue 11, item 3: traced recursion that overflows the stack gets its own StackOverflowError back. */
class StackOverflowComesBackToTheCallerTest {

    @RegisterExtension
    static final TracingExtension tracing = TracingExtension.inSegment();

    private final AtomicReference<StackOverflowError> deepest = new AtomicReference<>();

    private int recurse(int depth) {
        try {
            return Tracing.sub("level", s -> recurse(depth + 1));
        } catch (StackOverflowError overflow) {
            deepest.compareAndSet(null, overflow);
            throw overflow;
        }
    }

    @Test
    void theBodysOwnOverflowArrivesAndEveryLevelIsClosed() {
        Throwable caught = null;
        try {
            recurse(0);
        } catch (StackOverflowError overflow) {
            caught = overflow;
        }

        assertThat(caught).isNotNull().isSameAs(deepest.get());
        // The segment completes (every level was ended) and is sent, schema-valid (checked by the extension).
        assertThat(tracing.trace().get("test").children()).isNotEmpty();
    }

    @Test
    void exceptionsAfterAnOverflowStillCarryTheirCause() {
        try {
            recurse(0);
        } catch (StackOverflowError expected) {
            // what the test is about comes next
        }
        tracing.emitter().clear();
        IllegalStateException thrown = new IllegalStateException("outer", new IllegalArgumentException("inner"));

        assertThatThrownBy(() -> Tracing.run("After", s -> {
            throw thrown;
        })).isSameAs(thrown);

        assertThat(tracing.trace().get("After").exceptions()).extracting(e -> e.message())
                .containsExactly("outer", "inner");
    }

    @Test
    void inAFreshJvmTheFirstRecordedOverflowBreaksNoClassInitialisation() throws Exception {
        String javaBinary = java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(javaBinary, "-Xss512k", "-cp", System.getProperty("java.class.path"),
                OverflowInAFreshJvm.class.getName()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        boolean ended = process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS);

        assertThat(ended).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("OK");
    }
}
