package dev.xraytracing.local.internal.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.xraytracing.local.app.LocalRunException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An engine that exits before it answers is tried on three ports, then fails in one line quoting its output. */
class EngineProcessTest {
    @Test
    void an_engine_that_exits_at_once_is_tried_three_times_and_fails_quoting_its_log() {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "the test engine is a shell command");
        List<Integer> ports = new ArrayList<>();

        LocalRunException failure = catchThrowableOfType(LocalRunException.class, () -> EngineProcess
                .startOnFreePort("broken engine", port -> {
                    ports.add(port);
                    return List.of("/bin/sh", "-c", "echo cannot listen on " + port + "; exit 3");
                }));

        assertThat(ports).hasSize(3);
        assertThat(failure).hasMessage("broken engine exited with status 3 before it answered: cannot listen on "
                + ports.get(2));
    }
}
