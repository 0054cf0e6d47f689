package dev.xraytracing.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.xraytracing.local.template.ApiRoute;
import dev.xraytracing.local.template.SamTemplate;
import dev.xraytracing.local.template.TemplateApi;
import dev.xraytracing.local.template.TemplateFunction;
import java.io.File;
import java.nio.file.Path;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The SAM template deploys what the trace needs: a traced REST API, traced functions, and the permission to invoke. */
class SamTemplateTest {
    static JsonNode template;
    static JsonNode resources;

    @BeforeAll
    static void read() throws IOException {
        template = new ObjectMapper(new YAMLFactory()).readTree(new File("template.yaml"));
        resources = template.path("Resources");
    }

    @Test
    void theApiIsARestApiWithTracingEnabled() {
        JsonNode api = resources.path("HelloApi");
        assertThat(api.path("Type").asText()).isEqualTo("AWS::Serverless::Api");
        assertThat(api.path("Properties").path("TracingEnabled").asBoolean()).isTrue();
        assertThat(functions()).allSatisfy(function -> assertThat(function.path("Properties").path("Events")
                .findValues("Type")).extracting(JsonNode::asText).doesNotContain("HttpApi"));
    }

    @Test
    void bothFunctionsHaveActiveTracingOnASupportedJavaRuntime() {
        for (JsonNode function : functions()) {
            assertThat(setting(function, "Tracing")).isEqualTo("Active");
            assertThat(setting(function, "Runtime")).isIn("java17", "java21");
        }
    }

    @Test
    void theFirstFunctionMayInvokeTheSecond() {
        JsonNode policies = resources.path("MyFirstLambda").path("Properties").path("Policies");
        assertThat(policies.findValues("LambdaInvokePolicy")).singleElement()
                .satisfies(policy -> assertThat(policy.path("FunctionName").path("Ref").asText())
                        .isEqualTo("MySecondLambda"));
    }

    @Test
    void theSecondFunctionsRealNameIsWiredIntoTheFirst() {
        JsonNode name = resources.path("MyFirstLambda").path("Properties").path("Environment").path("Variables")
                .path(ExampleSettings.SECOND_FUNCTION_NAME);
        assertThat(name.path("Ref").asText()).isEqualTo("MySecondLambda");
    }

    @Test
    void handlersNameRealClasses() throws ClassNotFoundException {
        for (JsonNode function : functions()) {
            String handler = function.path("Properties").path("Handler").asText();
            Class.forName(handler.substring(0, handler.indexOf("::")));
        }
    }

    @Test
    void theCodeIsThePackageTheBuildMakes() {
        assertThat(template.path("Globals").path("Function").path("CodeUri").asText())
                .isEqualTo("target/xray-tracing-examples-lambda.zip");
    }

    @Test
    void theLocalRunReadsWhatSamDeploys() {
        SamTemplate local = SamTemplate.read(Path.of("template.yaml"), "us-east-1");

        assertThat(local.warnings()).isEmpty();
        assertThat(local.functions()).extracting(TemplateFunction::name, TemplateFunction::handler,
                TemplateFunction::memoryMb, TemplateFunction::timeoutSeconds, TemplateFunction::activeTracing)
                .containsExactly(
                        tuple("MyFirstLambda", "dev.xraytracing.examples.MyFirstLambda::handleRequest", 1024, 30, true),
                        tuple("MySecondLambda", "dev.xraytracing.examples.MySecondLambda::handleRequest", 1024, 30,
                                true));
        assertThat(local.function("MyFirstLambda").orElseThrow().environment())
                .containsEntry(ExampleSettings.SECOND_FUNCTION_NAME, "MySecondLambda");
        assertThat(local.function("MyFirstLambda").orElseThrow().codeUri())
                .contains(Path.of("target/xray-tracing-examples-lambda.zip").toAbsolutePath());
        assertThat(local.routes()).containsExactly(
                new ApiRoute(ApiRoute.Kind.REST, "HelloApi", "GET", "/hello", "MyFirstLambda"));
        assertThat(local.apis()).containsExactly(new TemplateApi("HelloApi", ApiRoute.Kind.REST, "prod", true));
    }

    @Test
    void theTracingBackendParameterChoosesTheBackendOfBothFunctionsAndDefaultsToXray() {
        SamTemplate byDefault = SamTemplate.read(Path.of("template.yaml"), "us-east-1");
        SamTemplate onOpenTelemetry = SamTemplate.read(Path.of("template.yaml"), "us-east-1",
                java.util.Map.of("TracingBackend", "opentelemetry"));

        assertThat(byDefault.functions()).allSatisfy(f -> assertThat(f.environment())
                .containsEntry("XRAY_TRACING_BACKEND", "xray"));
        assertThat(onOpenTelemetry.functions()).allSatisfy(f -> assertThat(f.environment())
                .containsEntry("XRAY_TRACING_BACKEND", "opentelemetry"));
        assertThat(template.path("Parameters").path("TracingBackend").path("AllowedValues").toString())
                .isEqualTo("[\"xray\",\"opentelemetry\"]");
    }

    private static List<JsonNode> functions() {
        List<JsonNode> functions = new ArrayList<>();
        resources.forEach(resource -> {
            if ("AWS::Serverless::Function".equals(resource.path("Type").asText())) {
                functions.add(resource);
            }
        });
        assertThat(functions).hasSize(2);
        return functions;
    }

    private static String setting(JsonNode function, String name) {
        JsonNode own = function.path("Properties").path(name);
        return own.isMissingNode() ? template.path("Globals").path("Function").path(name).asText() : own.asText();
    }
}
