package dev.xraytracing.examples;

import dev.xraytracing.local.app.RuntimeLoop;
import org.junit.jupiter.api.BeforeAll;

/** The template's functions under the pure-Java loop, forced: what macOS and Windows get (200 ms of work). */
class LocalEndToEndUnderPureJavaLoopTest extends LocalEndToEndTest {
    @BeforeAll
    static void run() {
        runOneRequest(RuntimeLoop.PURE_JAVA, 200);
    }

    @Override
    String expectedRuntime() {
        return "pure-Java runtime loop (forced)";
    }
}
