package dev.xraytracing.local;

import dev.xraytracing.local.app.RuntimeLoop;
import org.junit.jupiter.api.BeforeAll;

/** The full chain under the pure-Java runtime loop, forced: what macOS and Windows get. */
class FullChainUnderPureJavaLoopTest extends FullChainTest {
    @BeforeAll
    static void run() {
        runOneRequest(RuntimeLoop.PURE_JAVA);
    }

    @Override
    String expectedRuntime() {
        return "pure-Java runtime loop (forced)";
    }
}
