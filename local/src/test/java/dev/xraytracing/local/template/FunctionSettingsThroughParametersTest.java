package dev.xraytracing.local.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code MemorySize}, {@code Timeout}, {@code Tracing}, {@code Handler} and {@code Runtime}, and an API's
 * {@code StageName} and {@code TracingEnabled}, given through a parameter are read through it (they fell back to their
 * defaults, or to nothing, without a word); {@code Tracing: Disabled} is pass-through, as SAM treats it.
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
    void an_apis_stage_and_tracing_and_a_functions_handler_come_through_parameters() {
        SamTemplate template = SamTemplate.parse("""
                Parameters:
                  Stage: {Type: String, Default: dev}
                  Traced: {Type: String, Default: 'true'}
                  HandlerClass: {Type: String, Default: 'com.example.Orders::handleRequest'}
                  JavaVersion: {Type: String, Default: java21}
                Resources:
                  OrdersApi:
                    Type: AWS::Serverless::Api
                    Properties: {StageName: !Ref Stage, TracingEnabled: !Ref Traced}
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: !Ref HandlerClass
                      Runtime: !Ref JavaVersion
                      Events:
                        Get: {Type: Api, Properties: {RestApiId: !Ref OrdersApi, Path: /orders, Method: get}}
                """, Path.of("template.yaml"), "us-east-1");

        assertThat(template.apis()).containsExactly(new TemplateApi("OrdersApi", ApiRoute.Kind.REST, "dev", true));
        assertThat(template.function("Fn").orElseThrow().handler()).isEqualTo("com.example.Orders::handleRequest");
        assertThat(template.warnings()).isEmpty();
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
