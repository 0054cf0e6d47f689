package dev.xraytracing.local.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xraytracing.local.app.LocalRunException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the local run reads from a SAM template, and the one line it says about each thing it does not simulate. */
class SamTemplateTest {
    final Path file = resource("/templates/everything.yaml");
    final SamTemplate template = SamTemplate.read(file, "eu-west-1");

    @Test
    void globals_are_merged_under_each_functions_own_properties() {
        TemplateFunction orders = template.function("Orders").orElseThrow();

        assertThat(orders.name()).isEqualTo("orders-fn");
        assertThat(orders.handler()).isEqualTo("com.example.Orders::handleRequest");
        assertThat(orders.runtime()).isEqualTo("java21");
        assertThat(orders.memoryMb()).isEqualTo(512);
        assertThat(orders.timeoutSeconds()).isEqualTo(15);
        assertThat(orders.activeTracing()).isTrue();
        assertThat(orders.codeUri()).contains(file.getParent().resolve("build/app.zip"));
        assertThat(orders.environment()).containsEntry("SHARED", "from-globals").containsEntry("LEVEL", "debug");
    }

    @Test
    void reserved_concurrency_is_read_from_the_function_from_globals_and_through_a_parameter() {
        SamTemplate reserved = SamTemplate.parse("""
                Parameters:
                  Limit: {Type: Number, Default: 3}
                Globals:
                  Function: {ReservedConcurrentExecutions: 5}
                Resources:
                  Own: {Type: 'AWS::Serverless::Function', Properties: {Handler: a.B, Runtime: java21,
                        ReservedConcurrentExecutions: 0}}
                  Inherits: {Type: 'AWS::Serverless::Function', Properties: {Handler: a.B, Runtime: java21}}
                  Parameter: {Type: 'AWS::Serverless::Function', Properties: {Handler: a.B, Runtime: java21,
                        ReservedConcurrentExecutions: {Ref: Limit}}}
                """, Path.of("template.yaml"), "us-east-1");

        assertThat(reserved.function("Own").orElseThrow().reservedConcurrency()).hasValue(0);
        assertThat(reserved.function("Inherits").orElseThrow().reservedConcurrency()).hasValue(5);
        assertThat(reserved.function("Parameter").orElseThrow().reservedConcurrency()).hasValue(3);
        assertThat(template.function("Orders").orElseThrow().reservedConcurrency()).isEmpty();
    }

    @Test
    void ref_to_a_function_is_its_name_and_sub_resolves_parameters_and_pseudo_parameters() {
        TemplateFunction orders = template.function("orders-fn").orElseThrow();

        assertThat(orders.environment()).containsEntry("BILLING_FUNCTION", "Billing")
                .containsEntry("GREETING", "hello from eu-west-1 on dev")
                .containsEntry("TABLE_ARN", "arn:aws:dynamodb:eu-west-1:123456789012:table/"
                        + template.resource("Table").orElseThrow().name());
    }

    @Test
    void a_parameter_value_given_to_the_run_replaces_its_default_where_the_template_refers_to_it() {
        SamTemplate prod = SamTemplate.read(file, "eu-west-1", java.util.Map.of("Stage", "prod"));

        assertThat(prod.function("orders-fn").orElseThrow().environment())
                .containsEntry("GREETING", "hello from eu-west-1 on prod");
    }

    @Test
    void an_undeclared_parameter_or_a_value_outside_allowed_values_is_refused_in_one_line(@TempDir Path dir)
            throws Exception {
        Path backends = Files.writeString(dir.resolve("template.yaml"), String.join("\n",
                "Parameters:",
                "  TracingBackend: {Type: String, Default: xray, AllowedValues: [xray, opentelemetry]}",
                "Resources:",
                "  Fn:",
                "    Type: AWS::Serverless::Function",
                "    Properties:",
                "      Handler: a.B::handleRequest",
                "      Runtime: java21",
                "      Environment: {Variables: {XRAY_TRACING_BACKEND: {Ref: TracingBackend}}}"));

        assertThat(SamTemplate.read(backends, "us-east-1", java.util.Map.of("TracingBackend", "opentelemetry"))
                .function("Fn").orElseThrow().environment()).containsEntry("XRAY_TRACING_BACKEND", "opentelemetry");
        assertThatThrownBy(() -> SamTemplate.read(backends, "us-east-1", java.util.Map.of("TracingBackend", "otel")))
                .isInstanceOf(LocalRunException.class)
                .hasMessage("template.yaml: parameter TracingBackend must be one of [xray, opentelemetry], got otel");
        assertThatThrownBy(() -> SamTemplate.read(backends, "us-east-1", java.util.Map.of("Backend", "xray")))
                .isInstanceOf(LocalRunException.class)
                .hasMessage("template.yaml: parameter Backend is not declared in the template's Parameters "
                        + "[TracingBackend]");
    }

    @Test
    void a_functions_own_settings_win_and_a_folder_code_uri_is_kept() {
        TemplateFunction billing = template.function("Billing").orElseThrow();

        assertThat(billing.activeTracing()).isFalse();
        assertThat(billing.timeoutSeconds()).isEqualTo(2);
        assertThat(billing.memoryMb()).isEqualTo(1024);
        assertThat(billing.codeUri()).contains(file.getParent().resolve("billing"));
    }

    @Test
    void api_events_become_routes_of_their_api_with_tracing_from_globals() {
        assertThat(template.routes()).containsExactly(
                new ApiRoute(ApiRoute.Kind.REST, "ServerlessRestApi", "GET", "/orders/{id}", "orders-fn"),
                new ApiRoute(ApiRoute.Kind.REST, "ServerlessRestApi", "ANY", "/{proxy+}", "orders-fn"),
                new ApiRoute(ApiRoute.Kind.HTTP, "ServerlessHttpApi", "POST", "/bills", "Billing"));
        assertThat(template.apis()).containsExactly(
                new TemplateApi("ServerlessRestApi", ApiRoute.Kind.REST, "Prod", true),
                new TemplateApi("ServerlessHttpApi", ApiRoute.Kind.HTTP, "$default", false));
    }

    @Test
    void each_unsupported_feature_is_one_warning_line() {
        assertThat(template.warnings()).containsExactlyInAnyOrder(
                "not simulated, with nothing to run locally (no permission is checked here): Role (AWS::IAM::Role)",
                "function Orders: Layers is not simulated",
                "function Billing declares Runtime python3.12, not a Java runtime; it runs on this JVM anyway");
    }

    @Test
    void a_template_that_is_not_there_or_not_yaml_is_one_line(@TempDir Path dir) throws Exception {
        Path broken = Files.writeString(dir.resolve("template.yaml"), "Resources: [unclosed");

        assertThatThrownBy(() -> SamTemplate.read(dir.resolve("missing.yaml"), "us-east-1"))
                .isInstanceOf(LocalRunException.class).hasMessageStartingWith("cannot read template ");
        assertThatThrownBy(() -> SamTemplate.read(broken, "us-east-1"))
                .isInstanceOf(LocalRunException.class).hasMessageContaining("is not valid YAML")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void the_first_route_gives_the_default_request_with_sample_parameters() {
        TemplateSetup setup = TemplateSetup.fromClasspath(template, line -> { });

        assertThat(setup.defaultRequest()).containsExactly("GET", "/orders/id");
        assertThat(Optional.of(setup.functions().get(1).activeTracing())).contains(false);
    }

    static Path resource(String name) {
        try {
            return Path.of(SamTemplateTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
