package dev.xraytracing.examples;

import dev.xraytracing.local.app.RuntimeLoop;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The template's functions under AWS's runtime interface client, with the real 2 s of work (Linux only). */
@EnabledOnOs(value = OS.LINUX, disabledReason = "the runtime interface client ships its native library for Linux only")
class LocalEndToEndUnderRuntimeInterfaceClientTest extends LocalEndToEndTest {
    @BeforeAll
    static void run() {
        runOneRequest(RuntimeLoop.INTERFACE_CLIENT, ExampleSettings.DEFAULT_WORK_MILLIS);
    }

    @Override
    String expectedRuntime() {
        return "AWS runtime interface client";
    }
}
