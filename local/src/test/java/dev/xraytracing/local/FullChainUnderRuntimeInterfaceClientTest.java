package dev.xraytracing.local;

import org.junit.jupiter.api.BeforeAll;

/** The full chain under AWS's runtime interface client, native library and all (Linux only). */
class FullChainUnderRuntimeInterfaceClientTest extends FullChainTest {
    @BeforeAll
    static void run() {
        runOneRequest(RuntimeLoop.INTERFACE_CLIENT);
    }

    @Override
    String expectedRuntime() {
        return "AWS runtime interface client";
    }
}
