package dev.xraytracing.local.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xraytracing.local.app.LocalRunException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The property names of SAM's resources, and the sections and names under {@code Globals}, are held to SAM's lists: a
 * misspelt one fails here as SAM's transform fails on it, where it used to be dropped without a word.
 */
class SamPropertiesTest {
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

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Api: {Type: 'AWS::Serverless::Api', Properties: {StageName: prod, TracingEnable: true}} \
            | resource Api (AWS::Serverless::Api): TracingEnable is not a property of AWS::Serverless::Api; SAM refuses it ("property TracingEnable not defined for resource of type AWS::Serverless::Api")
            Http: {Type: 'AWS::Serverless::HttpApi', Properties: {StageName: prod, CorsConfig: true}} \
            | resource Http (AWS::Serverless::HttpApi): CorsConfig is not a property of AWS::Serverless::HttpApi; SAM refuses it ("property CorsConfig not defined for resource of type AWS::Serverless::HttpApi")
            Orders: {Type: 'AWS::Serverless::SimpleTable', Properties: {PrimaryKey: {Name: id, Type: String}, Key: id}} \
            | resource Orders (AWS::Serverless::SimpleTable): Key is not a property of AWS::Serverless::SimpleTable; SAM refuses it ("property Key not defined for resource of type AWS::Serverless::SimpleTable")
            """)
    void a_misspelt_property_of_sams_other_resources_is_one_line(String resource, String expected) {
        assertThatThrownBy(() -> SamTemplate.parse("Resources:\n  " + resource + "\n", Path.of("template.yaml"),
                "us-east-1"))
                .isInstanceOf(LocalRunException.class)
                .hasMessage("template.yaml: " + expected);
    }

    @Test
    void a_globals_section_sam_does_not_know_or_a_misspelt_api_setting_is_one_line() {
        assertThatThrownBy(() -> parse("Globals:\n  Functions: {Timeout: 30}\n", ""))
                .hasMessageStartingWith("template.yaml: Globals: 'Functions' is not supported; SAM refuses it (it "
                        + "takes Api, CapacityProvider, Function, HttpApi, ");
        assertThatThrownBy(() -> parse("Globals:\n  Api: {TracingEnable: true}\n", ""))
                .hasMessage("template.yaml: Globals: 'TracingEnable' is not a supported property of 'Api'; SAM "
                        + "refuses it");
    }
}
