package dev.xraytracing.local;

import dev.xraytracing.local.app.RuntimeLoop;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The full chain under AWS's runtime interface client, native library and all (Linux only). */
@EnabledOnOs(value = OS.LINUX, disabledReason = "the runtime interface client ships its native library for Linux only")
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
