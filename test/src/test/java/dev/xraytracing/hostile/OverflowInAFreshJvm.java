package dev.xraytracing.hostile;

import com.amazonaws.xray.AWSXRayRecorder;
import com.amazonaws.xray.ThreadLocalStorage;
import com.amazonaws.xray.entities.SegmentImpl;
import com.amazonaws.xray.entities.TraceID;
import dev.xraytracing.Tracing;
import dev.xraytracing.internal.Spans;
import dev.xraytracing.internal.TracerCore;
import dev.xraytracing.testing.InMemoryEmitter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Run in a JVM of its own by {@link StackOverflowComesBackToTheCallerTest}: the very first exception this JVM records
 * is a stack overflow in traced recursion, so that every class on the recording path is first loaded and initialised
 * with the stack nearly exhausted. Exits 0 when the caller got its own error back and a later exception still
 * carries its cause. The documents go, one a line, to the file named by the first argument: the parent test
 * validates them on its own stack, because the schema validator's recursion is not what the small stack is about.
 */
public final class OverflowInAFreshJvm {
    private static final AtomicReference<StackOverflowError> DEEPEST = new AtomicReference<>();

    private OverflowInAFreshJvm() {
    }

    /** Traced recursion until the stack overflows; the deepest level's error is kept ({@link #deepest()}). */
    public static int recurse(int depth) {
        try {
            return Tracing.sub("level", s -> recurse(depth + 1));
        } catch (StackOverflowError overflow) {
            DEEPEST.compareAndSet(null, overflow);
            throw overflow;
        }
    }

    /** The overflow the deepest level of {@link #recurse} saw first. */
    public static StackOverflowError deepest() {
        return DEEPEST.get();
    }

    public static void main(String[] args) throws IOException {
        InMemoryEmitter emitter = new InMemoryEmitter();
        AWSXRayRecorder recorder = LeanTracers.lean(emitter);
        LeanTracers.makeCurrent(recorder);
        SegmentImpl segment = new SegmentImpl(recorder, "fresh", TraceID.create(recorder));
        ThreadLocalStorage.set(segment);
        StackOverflowError caught = null;
        try {
            recurse(0);
        } catch (StackOverflowError overflow) {
            caught = overflow;
        }
        if (caught == null || caught != DEEPEST.get()) {
            System.out.println("FAIL: the caller did not get its own StackOverflowError back: " + caught);
            System.exit(1);
        }
        try {
            Tracing.run("After", s -> {
                throw new IllegalStateException("outer", new IllegalArgumentException("inner"));
            });
        } catch (IllegalStateException expected) {
            // recorded; checked below
        }
        Spans.finishSegment(segment);
        // Past 100 subsegments the segment streams finished ones out on their own: look through every document.
        String after = emitter.documents().stream().filter(d -> d.contains("\"name\":\"After\"")).findFirst()
                .orElse("");
        if (!after.contains("\"message\":\"outer\"") || !after.contains("\"message\":\"inner\"")) {
            System.out.println("FAIL: the later exception lost its cause: " + after);
            System.exit(2);
        }
        Files.write(Path.of(args[0]), emitter.documents(), StandardCharsets.UTF_8);
        System.out.println("OK");
        System.exit(0);
    }
}
