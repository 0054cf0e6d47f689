package dev.xraytracing.local.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A rule target's settings that change what it gets, or when ({@code InputTransformer}, {@code InputPath},
 * {@code RetryPolicy}, {@code SqsParameters}, ...), are not simulated, and each is one warning instead of silence.
 */
class RuleTargetsSayWhatIsNotSimulatedTest {
    @Test
    void an_input_transformer_and_a_retry_policy_are_one_warning_each_and_the_target_stays() {
        SamTemplate template = SamTemplate.parse("""
                Resources:
                  Audit: {Type: 'AWS::SQS::Queue'}
                  OnOrder:
                    Type: AWS::Events::Rule
                    Properties:
                      EventPattern: {source: [orders]}
                      Targets:
                        - Id: audit
                          Arn: {'Fn::GetAtt': [Audit, Arn]}
                          RoleArn: 'arn:aws:iam::123456789012:role/events'
                          InputTransformer: {InputPathsMap: {id: $.detail.id}, InputTemplate: '"order <id>"'}
                          RetryPolicy: {MaximumRetryAttempts: 3}
                """, Path.of("template.yaml"), "us-east-1");

        assertThat(template.warnings()).containsExactly(
                "resource OnOrder: target audit: InputTransformer is not simulated",
                "resource OnOrder: target audit: RetryPolicy is not simulated");
        assertThat(((TemplateResource.Rule) template.resource("OnOrder").orElseThrow()).targets()).hasSize(1);
    }
}
