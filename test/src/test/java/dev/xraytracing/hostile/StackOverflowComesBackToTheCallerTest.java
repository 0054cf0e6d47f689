package dev.xraytracing.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xraytracing.Tracing;
import dev.xraytracing.testing.SegmentDocumentSchema;
import dev.xraytracing.testing.TracingExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

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

    /**
     * The child runs on a 512 KB stack, which only the traced recursion is about; its documents come back in a file
     * and are validated here, on this thread's normal stack (the schema validator recurses deeply itself).
     */
    @Test
    void inAFreshJvmTheFirstRecordedOverflowBreaksNoClassInitialisation(@TempDir Path folder) throws Exception {
        Path documents = folder.resolve("documents.jsonl");
        String javaBinary = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(javaBinary, "-Xss512k", "-cp", System.getProperty("java.class.path"),
                OverflowInAFreshJvm.class.getName(), documents.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean ended = process.waitFor(60, TimeUnit.SECONDS);

        assertThat(ended).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("OK");
        List<String> sent = Files.readAllLines(documents, StandardCharsets.UTF_8);
        assertThat(sent).as("documents the child sent").isNotEmpty();
        SegmentDocumentSchema.assertValid(sent);
    }
}
