package dev.xraytracing.local.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code MemorySize}, {@code Timeout} and {@code Tracing} given through a parameter are read through it (they fell
 * back to 128 MB, 3 s and pass-through without a word); {@code Tracing: Disabled} is pass-through, as SAM treats it.
 */
class FunctionSettingsThroughParametersTest {
    static final String TEMPLATE = """
            Parameters:
              Memory: {Type: Number, Default: 1024}
              Seconds: {Type: Number, Default: 20}
              Mode: {Type: String, Default: Active}
            Globals:
              Function:
                Tracing: !Ref Mode
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties: {Handler: a.B, Runtime: java21, MemorySize: !Ref Memory, Timeout: !Ref Seconds}
              Quiet:
                Type: AWS::Serverless::Function
                Properties: {Handler: a.B, Runtime: java21, Tracing: Disabled}
            """;

    @Test
    void a_parameter_sets_memory_timeout_and_tracing() {
        SamTemplate template = SamTemplate.parse(TEMPLATE, Path.of("template.yaml"), "us-east-1");

        TemplateFunction fn = template.function("Fn").orElseThrow();
        assertThat(fn.memoryMb()).isEqualTo(1024);
        assertThat(fn.timeoutSeconds()).isEqualTo(20);
        assertThat(fn.tracing()).isEqualTo("Active");
        assertThat(template.function("Quiet").orElseThrow().tracing()).isEqualTo("PassThrough");
    }

    @Test
    void an_override_of_the_parameter_is_what_the_function_gets(@TempDir Path folder) throws Exception {
        Path file = Files.writeString(folder.resolve("template.yaml"), TEMPLATE);

        SamTemplate template = SamTemplate.read(file, "us-east-1", Map.of("Memory", "2048", "Mode", "PassThrough"));

        assertThat(template.function("Fn").orElseThrow().memoryMb()).isEqualTo(2048);
        assertThat(template.function("Fn").orElseThrow().tracing()).isEqualTo("PassThrough");
        assertThat(template.warnings()).isEmpty();
    }
}
