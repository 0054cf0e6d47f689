package dev.xraytracing.local;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xraytracing.local.app.LocalRunException;
import org.junit.jupiter.api.Test;

/** A handler string that cannot work is refused before any JVM starts, in one line naming the handler and the fix. */
class HandlerStringChecksTest {
    static void start(String handler) {
        LocalPlatform.builder().function("Back", handler).output(line -> { }).start().close();
    }

    @Test
    void a_method_that_is_not_public_or_not_there_names_the_forms_that_work() {
        assertThatThrownBy(() -> start("dev.xraytracing.local.handlers.BackHandler::handle"))
                .isInstanceOf(LocalRunException.class)
                .hasMessage("handler dev.xraytracing.local.handlers.BackHandler::handle of function Back cannot work: "
                        + "dev.xraytracing.local.handlers.BackHandler has no public method handle; use "
                        + "dev.xraytracing.local.handlers.BackHandler::handleRequest or just "
                        + "dev.xraytracing.local.handlers.BackHandler");
    }

    @Test
    void a_class_that_is_no_handler_says_how_to_make_it_one() {
        assertThatThrownBy(() -> start("dev.xraytracing.local.LocalRun"))
                .isInstanceOf(LocalRunException.class)
                .hasMessageStartingWith("handler dev.xraytracing.local.LocalRun of function Back cannot work: "
                        + "dev.xraytracing.local.LocalRun implements neither RequestHandler nor RequestStreamHandler");
    }
}
