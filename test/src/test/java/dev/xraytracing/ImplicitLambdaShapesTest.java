package dev.xraytracing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xraytracing.testing.TracingExtension;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Compiling this class is the proof: both shapes accept an implicitly typed one-parameter lambda whose body is a
 * method call, which Java would reject as ambiguous if one name had both a void and a value-returning overload.
 */
class ImplicitLambdaShapesTest {

    @RegisterExtension
    static final TracingExtension tracing = TracingExtension.inSegment();

    private final List<String> calls = new ArrayList<>();

    private String call(String what) {
        calls.add(what);
        return what;
    }

    private void callForEffect(String what) {
        calls.add(what);
    }

    @Test
    void bothShapesCompileWithImplicitLambdasAndNoTryCatch() {
        String value = Tracing.sub("Value", s -> call("value"));
        Tracing.run("Discarded", s -> call("discarded"));
        Tracing.run("Void", s -> callForEffect("void"));
        Tracing.run("Block", s -> {
            callForEffect("block");
        });

        assertThat(value).isEqualTo("value");
        assertThat(calls).containsExactly("value", "discarded", "void", "block");
        assertThat(tracing.trace().entities()).hasSize(5);
    }
}
