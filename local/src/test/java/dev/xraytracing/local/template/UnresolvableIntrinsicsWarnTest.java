package dev.xraytracing.local.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * In a function's variables, what is declared but cannot be resolved locally is one warning naming the variable and
 * what it refers to, and the variable is left unset; the run goes on.
 */
class UnresolvableIntrinsicsWarnTest {
    final SamTemplate template = SamTemplate.parse("""
            Parameters:
              Secret: {Type: String}
            Resources:
              Jobs: {Type: 'AWS::SQS::Queue'}
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: a.B
                  Runtime: java21
                  Environment:
                    Variables:
                      SECRET: !Ref Secret
                      IMPORTED: !ImportValue shared-queue-url
                      STREAM: !GetAtt Jobs.StreamArn
                      API_URL: !Sub "https://${ServerlessRestApi}.execute-api.${AWS::Region}.amazonaws.com/Prod"
                      ROLE: !GetAtt FnRole.Arn
                      LONG_FORM: {'Fn::Sub': ['${A}-${AWS::Region}', {A: {'Fn::GetAtt': [Jobs, QueueName]}}]}
            """, Path.of("template.yaml"), "eu-central-1");

    @Test
    void a_parameter_without_default_is_a_warning() {
        assertThat(template.warnings()).contains(
                "function Fn variable SECRET: Ref Secret: parameter Secret has no Default; left unset");
    }

    @Test
    void an_intrinsic_that_is_not_supported_is_a_warning_naming_those_that_are() {
        assertThat(template.warnings()).contains("function Fn variable IMPORTED: Fn::ImportValue is not supported "
                + "locally (Ref, "
                + "Fn::GetAtt, Fn::Sub, Fn::Join, Fn::Select, Fn::Split and Fn::FindInMap are); left unset");
    }

    @Test
    void an_attribute_the_type_does_not_have_is_a_warning_listing_those_it_has() {
        assertThat(template.warnings()).contains("function Fn variable STREAM: Fn::GetAtt Jobs.StreamArn: Jobs "
                + "(AWS::SQS::Queue) has no attribute StreamArn locally (it has Arn, QueueName, QueueUrl); left unset");
        assertThat(template.function("Fn").orElseThrow().environment()).doesNotContainKeys("SECRET", "IMPORTED",
                "STREAM");
    }

    @Test
    void a_reference_to_a_resource_sam_generates_is_a_warning_not_an_error() {
        assertThat(template.warnings()).contains(
                "function Fn variable API_URL: Ref ServerlessRestApi: ServerlessRestApi (AWS::Serverless::Api) is not "
                        + "simulated locally; left unset",
                "function Fn variable ROLE: Fn::GetAtt FnRole.Arn: FnRole (AWS::IAM::Role) is not simulated locally; "
                        + "left unset");
    }

    @Test
    void the_long_form_of_sub_with_variables_resolves() {
        assertThat(template.function("Fn").orElseThrow().environment().get("LONG_FORM"))
                .matches("local-Jobs-[A-Z0-9]{12}-eu-central-1");
    }
}
