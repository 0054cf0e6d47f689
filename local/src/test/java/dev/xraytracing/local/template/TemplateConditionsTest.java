package dev.xraytracing.local.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xraytracing.local.app.LocalRunException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The template's {@code Conditions} decide, as CloudFormation decides when it creates the stack, which resources
 * exist, which branch of each {@code Fn::If} a property gets, and which properties {@code AWS::NoValue} leaves out;
 * the stage a parameter names (or {@code --parameter-overrides} gives) chooses.
 */
class TemplateConditionsTest {
    static final String TEMPLATE = """
            Parameters:
              Stage: {Type: String, Default: dev}
            Mappings:
              Owners: {dev: {Team: sandbox}, prod: {Team: payments}}
            Conditions:
              IsProd: !Equals [!Ref Stage, prod]
              NotProd: !Not [!Condition IsProd]
              PaymentsInProd: !And [!Condition IsProd, !Equals [!FindInMap [Owners, !Ref Stage, Team], payments]]
              AnyRegionButChina: !Or [!Equals [!Ref 'AWS::Region', us-east-1], !Equals [!Ref 'AWS::Partition', aws]]
            Resources:
              Audit:
                Type: AWS::SQS::Queue
                Condition: PaymentsInProd
              Scratch:
                Type: AWS::SQS::Queue
                Condition: NotProd
              Worker:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: a.B
                  Runtime: java21
                  MemorySize: !If [IsProd, 2048, 512]
                  ReservedConcurrentExecutions: !If [IsProd, 50, !Ref 'AWS::NoValue']
                  Environment:
                    Variables:
                      MODE: !If [IsProd, !If [AnyRegionButChina, live, live-cn], test]
                      DEBUG: !If [IsProd, !Ref 'AWS::NoValue', 'true']
            """;

    private static SamTemplate read(Path folder, Map<String, String> parameters) throws Exception {
        Path file = Files.writeString(folder.resolve("template.yaml"), TEMPLATE);
        return SamTemplate.read(file, "us-east-1", parameters);
    }

    @Test
    void by_default_the_dev_branches_are_chosen_and_the_prod_only_resources_do_not_exist(@TempDir Path folder)
            throws Exception {
        SamTemplate dev = read(folder, Map.of());
        TemplateFunction worker = dev.function("Worker").orElseThrow();

        assertThat(dev.resource("Audit")).isEmpty();
        assertThat(dev.resource("Scratch")).isPresent();
        assertThat(worker.memoryMb()).isEqualTo(512);
        assertThat(worker.reservedConcurrency()).as("AWS::NoValue leaves the property out")
                .isEqualTo(OptionalInt.empty());
        assertThat(worker.environment()).containsEntry("MODE", "test").containsEntry("DEBUG", "true");
        assertThat(dev.warnings()).isEmpty();
    }

    @Test
    void the_stage_a_parameter_override_gives_chooses_the_other_branches(@TempDir Path folder) throws Exception {
        SamTemplate prod = read(folder, Map.of("Stage", "prod"));
        TemplateFunction worker = prod.function("Worker").orElseThrow();

        assertThat(prod.resource("Audit")).isPresent();
        assertThat(prod.resource("Scratch")).isEmpty();
        assertThat(worker.memoryMb()).isEqualTo(2048);
        assertThat(worker.reservedConcurrency()).isEqualTo(OptionalInt.of(50));
        assertThat(worker.environment()).containsEntry("MODE", "live").doesNotContainKey("DEBUG");
    }

    @Test
    void a_condition_the_template_does_not_declare_or_one_that_refers_to_itself_is_one_error_line() {
        assertThatThrownBy(() -> SamTemplate.parse(TEMPLATE.replace("!If [IsProd, 2048, 512]",
                "!If [IsStaging, 2048, 512]"), Path.of("template.yaml"), "us-east-1"))
                .isInstanceOf(LocalRunException.class).hasMessage("template.yaml: resource Worker "
                        + "(AWS::Serverless::Function): condition IsStaging is not in the template's Conditions");
        assertThatThrownBy(() -> SamTemplate.parse(TEMPLATE.replace("NotProd: !Not [!Condition IsProd]",
                "NotProd: !Not [!Condition NotProd]"), Path.of("template.yaml"), "us-east-1"))
                .isInstanceOf(LocalRunException.class).hasMessageEndingWith("condition NotProd refers to itself");
    }
}
