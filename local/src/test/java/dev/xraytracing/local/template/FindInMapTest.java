package dev.xraytracing.local.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xraytracing.local.app.LocalRunException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code Fn::FindInMap} reads the template's {@code Mappings} as CloudFormation does, its keys perhaps intrinsics
 * themselves: the per-stage settings teams keep there reach the functions, with the stage a parameter chooses.
 */
class FindInMapTest {
    static final String TEMPLATE = """
            Parameters:
              Stage: {Type: String, Default: dev, AllowedValues: [dev, prod]}
            Mappings:
              StageSettings:
                dev: {MemorySize: 512, LogLevel: DEBUG}
                prod: {MemorySize: 2048, LogLevel: WARN}
            Resources:
              Worker:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: a.B
                  Runtime: java21
                  MemorySize: !FindInMap [StageSettings, !Ref Stage, MemorySize]
                  Environment:
                    Variables:
                      LOG_LEVEL: !FindInMap [StageSettings, !Ref Stage, LogLevel]
            """;

    @Test
    void the_value_under_both_keys_is_read_and_the_parameter_chooses_the_top_key(@TempDir Path folder)
            throws Exception {
        Path file = Files.writeString(folder.resolve("template.yaml"), TEMPLATE);

        TemplateFunction dev = SamTemplate.read(file, "us-east-1").function("Worker").orElseThrow();
        TemplateFunction prod = SamTemplate.read(file, "us-east-1", Map.of("Stage", "prod")).function("Worker")
                .orElseThrow();

        assertThat(dev.memoryMb()).isEqualTo(512);
        assertThat(dev.environment()).containsEntry("LOG_LEVEL", "DEBUG");
        assertThat(prod.memoryMb()).isEqualTo(2048);
        assertThat(prod.environment()).containsEntry("LOG_LEVEL", "WARN");
    }

    @Test
    void a_key_the_mapping_lacks_is_one_error_line_as_cloudformation_fails_the_stack() {
        assertThatThrownBy(() -> SamTemplate.parse(TEMPLATE.replace("[StageSettings, !Ref Stage, LogLevel]",
                "[StageSettings, !Ref Stage, Colour]"), Path.of("template.yaml"), "us-east-1"))
                .isInstanceOf(LocalRunException.class).hasMessage("template.yaml: resource Worker "
                        + "(AWS::Serverless::Function): Environment.Variables LOG_LEVEL: Fn::FindInMap [StageSettings,"
                        + " dev, Colour]: mapping StageSettings.dev has no key Colour");
    }

    @Test
    void a_setting_from_a_mapping_the_template_lacks_is_one_error_line() {
        assertThatThrownBy(() -> SamTemplate.parse(TEMPLATE.replace("MemorySize: !FindInMap [StageSettings",
                "MemorySize: !FindInMap [Sizes"), Path.of("template.yaml"), "us-east-1"))
                .isInstanceOf(LocalRunException.class).hasMessageContaining("the template has no mapping Sizes");
    }
}
