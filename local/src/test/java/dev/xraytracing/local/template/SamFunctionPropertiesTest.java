package dev.xraytracing.local.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xraytracing.local.app.LocalRunException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A function's property names, and those under {@code Globals.Function}, are held to SAM's lists: a misspelt one
 * fails here as SAM's transform fails on it, where it used to be dropped without a word.
 */
class SamFunctionPropertiesTest {
    static SamTemplate parse(String globals, String properties) {
        return SamTemplate.parse(globals + "Resources:\n  Fn: {Type: 'AWS::Serverless::Function', Properties: "
                + "{Handler: a.B, Runtime: java21" + properties + "}}\n", Path.of("template.yaml"), "us-east-1");
    }

    @Test
    void a_misspelt_function_property_is_one_line() {
        assertThatThrownBy(() -> parse("", ", Timout: 30"))
                .isInstanceOf(LocalRunException.class)
                .hasMessage("template.yaml: resource Fn (AWS::Serverless::Function): Timout is not a property of "
                        + "AWS::Serverless::Function; SAM refuses it (\"property Timout not defined for resource of "
                        + "type AWS::Serverless::Function\")");
    }

    @Test
    void a_property_globals_do_not_take_is_one_line() {
        assertThatThrownBy(() -> parse("Globals:\n  Function: {MemorySize: 512, Timout: 30}\n", ""))
                .isInstanceOf(LocalRunException.class)
                .hasMessage("template.yaml: Globals: 'Timout' is not a supported property of 'Function'; SAM refuses "
                        + "it");
        assertThatThrownBy(() -> parse("Globals:\n  Function: {FunctionName: shared}\n", ""))
                .hasMessage("template.yaml: Globals: 'FunctionName' is not a supported property of 'Function'; SAM "
                        + "refuses it in Globals (set it on each function)");
    }

    @Test
    void every_property_sam_takes_is_taken() {
        SamTemplate template = parse("Globals:\n  Function: {Timeout: 30, Tracing: Active, Architectures: [arm64]}\n",
                ", FunctionName: fn, MemorySize: 512, Description: d, Tags: {team: a}, Policies: [], "
                        + "AutoPublishAlias: live, LoggingConfig: {LogFormat: JSON}, RecursiveLoop: Terminate");

        assertThat(template.function("Fn")).isPresent();
    }
}
