package dev.xraytracing.local.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A function's {@code EventInvokeConfig} and {@code DeadLetterQueue} are read from its properties over
 * {@code Globals.Function}, their ARNs resolved as CloudFormation resolves them; without either, Lambda's default.
 */
class AsyncInvokeConfigTest {
    static final String TEMPLATE = """
            Globals:
              Function:
                Runtime: java21
                EventInvokeConfig:
                  MaximumRetryAttempts: 0
                  DestinationConfig:
                    OnFailure: {Type: SNS, Destination: !Ref Failures}
            Resources:
              Failures:
                Type: AWS::SNS::Topic
              AuditDlq:
                Type: AWS::SQS::Queue
                Properties: {QueueName: audit-dlq}
              Inherits:
                Type: AWS::Serverless::Function
                Properties: {Handler: a.B}
              Own:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: a.B
                  EventInvokeConfig: {MaximumRetryAttempts: 1, MaximumEventAgeInSeconds: 60}
                  DeadLetterQueue: {Type: SQS, TargetArn: !GetAtt AuditDlq.Arn}
            """;

    final SamTemplate template = SamTemplate.parse(TEMPLATE, Path.of("template.yaml"), "us-east-1");

    @Test
    void a_function_without_its_own_config_takes_the_globals_one() {
        AsyncInvokeConfig config = template.function("Inherits").orElseThrow().asyncInvoke();

        assertThat(config.maximumRetryAttempts()).isZero();
        assertThat(config.onFailure()).hasValueSatisfying(arn -> assertThat(arn)
                .startsWith("arn:aws:sns:us-east-1:123456789012:"));
        assertThat(config.deadLetterQueue()).isEmpty();
    }

    @Test
    void a_functions_own_config_replaces_the_globals_and_its_dead_letter_queue_resolves_to_the_queues_arn() {
        AsyncInvokeConfig config = template.function("Own").orElseThrow().asyncInvoke();

        assertThat(config).isEqualTo(new AsyncInvokeConfig(1, 60, Optional.empty(),
                Optional.of("arn:aws:sqs:us-east-1:123456789012:audit-dlq")));
        assertThat(config.failureTargets()).containsExactly("arn:aws:sqs:us-east-1:123456789012:audit-dlq");
        assertThat(template.warnings()).noneMatch(line -> line.contains("EventInvokeConfig")
                || line.contains("DeadLetterQueue"));
    }

    @Test
    void without_either_lambdas_default_applies() {
        SamTemplate plain = SamTemplate.parse("Resources:\n  Fn: {Type: 'AWS::Serverless::Function', Properties:"
                + " {Handler: a.B, Runtime: java21}}\n", Path.of("template.yaml"), "us-east-1");

        assertThat(plain.function("Fn").orElseThrow().asyncInvoke()).isEqualTo(AsyncInvokeConfig.DEFAULT);
        assertThat(AsyncInvokeConfig.DEFAULT.maximumRetryAttempts()).isEqualTo(2);
        assertThat(AsyncInvokeConfig.DEFAULT.maximumEventAgeSeconds()).isEqualTo(21_600);
    }
}
