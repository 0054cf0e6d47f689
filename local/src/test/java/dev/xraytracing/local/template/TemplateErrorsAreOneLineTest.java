package dev.xraytracing.local.template;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xraytracing.local.app.LocalRunException;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What CloudFormation would refuse is one line naming the file, the resource, its type and the property. */
class TemplateErrorsAreOneLineTest {

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            Orders: {Type: 'AWS::DynamoDB::Table', Properties: {AttributeDefinitions: [{AttributeName: id, AttributeType: S}]}} \
            | resource Orders (AWS::DynamoDB::Table): KeySchema is missing
            Orders: {Type: 'AWS::DynamoDB::Table', Properties: {AttributeDefinitions: [{AttributeName: id, AttributeType: S}], KeySchema: [{AttributeName: pk, KeyType: HASH}]}} \
            | resource Orders (AWS::DynamoDB::Table): KeySchema names pk, which AttributeDefinitions does not define
            Orders: {Type: 'AWS::DynamoDB::Table', Properties: {AttributeDefinitions: [{AttributeName: id, AttributeType: S}], KeySchema: [{AttributeName: id, KeyType: HASH}], GlobalSecondaryIndexes: [{IndexName: byX, Projection: {ProjectionType: ALL}}]}} \
            | resource Orders (AWS::DynamoDB::Table): GlobalSecondaryIndexes byX KeySchema is missing
            Jobs: {Type: 'AWS::SQS::Queue', Properties: {QueueName: jobs, FifoQueue: true}} \
            | resource Jobs (AWS::SQS::Queue): QueueName jobs must end with .fifo for a FIFO queue
            Jobs: {Type: 'AWS::SQS::Queue', Properties: {RedrivePolicy: {deadLetterTargetArn: {'Fn::GetAtt': [Dlq, Arn]}, maxReceiveCount: 3}}} \
            | resource Jobs (AWS::SQS::Queue): RedrivePolicy: Fn::GetAtt Dlq.Arn: Dlq is no resource or parameter of the template
            Jobs: {Type: 'AWS::SQS::Queue', Properties: {RedrivePolicy: {deadLetterTargetArn: 'arn:aws:sqs:us-east-1:123456789012:dlq', maxReceiveCount: 0}}} \
            | resource Jobs (AWS::SQS::Queue): RedrivePolicy maxReceiveCount must be 1 to 1000, not 0
            Jobs: {Type: 'AWS::SQS::Queue', Properties: {VisibilityTimeout: soon}} \
            | resource Jobs (AWS::SQS::Queue): VisibilityTimeout is not a whole number: soon
            Bus: {Type: 'AWS::Events::EventBus'} \
            | resource Bus (AWS::Events::EventBus): Name is missing
            Rule: {Type: 'AWS::Events::Rule', Properties: {Targets: []}} \
            | resource Rule (AWS::Events::Rule): EventPattern or ScheduleExpression is missing
            Fn: {Type: 'AWS::Serverless::Function', Properties: {Handler: a.B, Runtime: java21, Environment: {Variables: {TABLE_NAME: {Ref: Orderz}}}}} \
            | resource Fn (AWS::Serverless::Function): Environment.Variables TABLE_NAME: Ref Orderz: Orderz is no resource or parameter of the template
            Fn: {Type: 'AWS::Serverless::Function', Properties: {Handler: a.B, Runtime: java21, Events: {Jobs: {Type: SQS, Properties: {BatchSize: 5}}}}} \
            | resource Fn (AWS::Serverless::Function): event Jobs (SQS): Queue is missing
            Fn: {Type: 'AWS::Serverless::Function', Properties: {Handler: a.B, Runtime: java21, Events: {Jobs: {Type: SQS, Properties: {Queue: 'arn:aws:sqs:us-east-1:123456789012:jobs.fifo', BatchSize: 11, MaximumBatchingWindowInSeconds: 1}}}}} \
            | resource Fn (AWS::Serverless::Function): event Jobs (SQS): BatchSize 11 is outside 1 to 10 for a FIFO queue, which Lambda takes from an SQS queue
            Fn: {Type: 'AWS::Serverless::Function', Properties: {Handler: a.B, Runtime: java21, Events: {Jobs: {Type: SQS, Properties: {Queue: 'arn:aws:sqs:us-east-1:123456789012:jobs', BatchSize: 0}}}}} \
            | resource Fn (AWS::Serverless::Function): event Jobs (SQS): BatchSize 0 is outside 1 to 10000, which Lambda takes from an SQS queue
            Fn: {Type: 'AWS::Serverless::Function', Properties: {Handler: a.B, Runtime: java21, Events: {Up: {Type: S3, Properties: {Bucket: my-bucket, Events: 's3:ObjectCreated:*'}}}}} \
            | resource Fn (AWS::Serverless::Function): event Up (S3): Bucket must be a Ref to a bucket of the template
            Fn: {Type: 'AWS::Serverless::Function', Properties: {Handler: a.B, Runtime: java21, EventInvokeConfig: {MaximumRetryAttempts: 3}}} \
            | resource Fn (AWS::Serverless::Function): EventInvokeConfig.MaximumRetryAttempts 3 is out of range: it must be 0 to 2
            Fn: {Type: 'AWS::Serverless::Function', Properties: {Handler: a.B, Runtime: java21, EventInvokeConfig: {MaximumEventAgeInSeconds: 30}}} \
            | resource Fn (AWS::Serverless::Function): EventInvokeConfig.MaximumEventAgeInSeconds 30 is out of range: it must be 60 to 21600
            Fn: {Type: 'AWS::Serverless::Function', Properties: {Handler: a.B, Runtime: java21, EventInvokeConfig: {DestinationConfig: {OnFailure: {Type: Lambda, Destination: 'arn:aws:lambda:us-east-1:123456789012:function:other'}}}}} \
            | resource Fn (AWS::Serverless::Function): EventInvokeConfig.DestinationConfig.OnFailure.Type Lambda is not simulated: xray-tracing-local sends failed asynchronous events to SQS and SNS only
            Fn: {Type: 'AWS::Serverless::Function', Properties: {Handler: a.B, Runtime: java21, DeadLetterQueue: {Type: SQS}}} \
            | resource Fn (AWS::Serverless::Function): DeadLetterQueue.TargetArn is missing
            Fn: {Type: 'AWS::Serverless::Function', Properties: {Handler: a.B, Runtime: java21, ReservedConcurrentExecutions: -1}} \
            | resource Fn (AWS::Serverless::Function): ReservedConcurrentExecutions -1 is not a whole number of 0 or more
            Fn: {Type: 'AWS::Serverless::Function', Properties: {Handler: a.B, Runtime: java21, ReservedConcurrentExecutions: {Ref: Limit}}} \
            | resource Fn (AWS::Serverless::Function): ReservedConcurrentExecutions: Ref Limit: Limit is no resource or parameter of the template
            Fn: {Type: 'AWS::Serverless::Function', Properties: {Handler: a.B, Runtime: java21, MemorySize: 64}} \
            | resource Fn (AWS::Serverless::Function): MemorySize 64 is out of range: it must be 128 to 10240
            Fn: {Type: 'AWS::Serverless::Function', Properties: {Handler: a.B, Runtime: java21, Timeout: 901}} \
            | resource Fn (AWS::Serverless::Function): Timeout 901 is out of range: it must be 1 to 900
            Fn: {Type: 'AWS::Serverless::Function', Properties: {Handler: a.B, Runtime: java21, Timeout: soon}} \
            | resource Fn (AWS::Serverless::Function): Timeout soon is not a whole number
            Fn: {Type: 'AWS::Serverless::Function', Properties: {Handler: a.B, Runtime: java21, Tracing: Enabled}} \
            | resource Fn (AWS::Serverless::Function): Tracing Enabled must be Active, PassThrough or Disabled
            Fn: {Type: 'AWS::Serverless::Function', Properties: {Handler: a.B, Runtime: java21, MemorySize: {Ref: Memory}}} \
            | resource Fn (AWS::Serverless::Function): MemorySize: Ref Memory: Memory is no resource or parameter of the template
            """)
    void a_template_error_names_resource_and_property(String resource, String expected) {
        String text = "Resources:\n  " + resource + "\n";

        assertThatThrownBy(() -> SamTemplate.parse(text, Path.of("template.yaml"), "us-east-1"))
                .isInstanceOf(LocalRunException.class)
                .hasMessage("template.yaml: " + expected);
    }
}
