package dev.xraytracing.sdk.internal;

/**
 * The resource table shipped with core: which request and response members of an AWS SDK v2 call are copied into the
 * subsegment's {@code aws} fields, and what a service's subsegment is called. One entry per line, in the format of a
 * {@code META-INF/xray-tracing/aws-resources.properties} file of a user's own (read after these, so it may override):
 *
 * <pre>
 *   &lt;service&gt;.&lt;operation or *&gt;.&lt;request|response&gt;.&lt;member&gt;=&lt;aws field&gt;
 *   name.&lt;service&gt;=&lt;subsegment name&gt;
 *       the name X-Ray's service map expects, where it differs from the SDK's
 * </pre>
 *
 * <p>{@code <service>} is the SDK's service name ({@code SdkExecutionAttribute.SERVICE_NAME}: Lambda, DynamoDb, S3,
 * Sqs, Sns, ...), {@code <member>} the member name of the service model (the one {@code SdkPojo.getValueForField}
 * takes). A text, number or boolean value is copied as it is; a map gives its keys (DynamoDB's RequestItems: table
 * names); a list its size. Only identifiers belong here: never payloads, item contents, message bodies or secrets.
 *
 * <p>Java, not a file in the jar: a first traced SDK call would otherwise look the file up through every jar of the
 * function's class loader and parse it, about 2.5 ms of a one-core cold start (docs/benchmarks.md).
 */
final class ShippedResourceEntries {
    static final String[] LINES = {
        "name.DynamoDb=DynamoDB",
        "name.Sqs=SQS",
        "name.Sns=SNS",

        "Lambda.Invoke.request.FunctionName=function_name",
        "Lambda.Invoke.request.Qualifier=qualifier",
        "Lambda.Invoke.request.InvocationType=invocation_type",
        "Lambda.Invoke.response.FunctionError=function_error",
        "Lambda.Invoke.response.StatusCode=status_code",
        "Lambda.Invoke.response.ExecutedVersion=executed_version",
        "Lambda.InvokeWithResponseStream.request.FunctionName=function_name",
        "Lambda.InvokeWithResponseStream.request.Qualifier=qualifier",

        "DynamoDb.*.request.TableName=table_name",
        "DynamoDb.BatchGetItem.request.RequestItems=table_names",
        "DynamoDb.BatchWriteItem.request.RequestItems=table_names",
        "DynamoDb.Query.request.IndexName=index_name",
        "DynamoDb.Scan.request.IndexName=index_name",
        "DynamoDb.Query.response.Count=count",
        "DynamoDb.Scan.response.Count=count",

        "Sqs.*.request.QueueUrl=queue_url",
        "Sqs.GetQueueUrl.request.QueueName=queue_name",
        "Sqs.GetQueueUrl.response.QueueUrl=queue_url",
        "Sqs.SendMessage.response.MessageId=message_id",
        "Sqs.SendMessageBatch.request.Entries=message_count",
        "Sqs.ReceiveMessage.response.Messages=message_count",

        "Sns.Publish.request.TopicArn=topic_arn",
        "Sns.Publish.request.TargetArn=target_arn",
        "Sns.Publish.response.MessageId=message_id",
        "Sns.PublishBatch.request.TopicArn=topic_arn",

        "S3.*.request.Bucket=bucket_name",
        "S3.*.request.Key=key",
        "S3.*.request.VersionId=version_id",

        "Kinesis.*.request.StreamName=stream_name",
        "Kinesis.*.request.StreamARN=stream_arn",
        "Firehose.*.request.DeliveryStreamName=delivery_stream_name",

        "Sfn.*.request.StateMachineArn=state_machine_arn",
        "Sfn.StartExecution.response.ExecutionArn=execution_arn",
        "Sfn.StartSyncExecution.response.ExecutionArn=execution_arn",

        "SecretsManager.GetSecretValue.request.SecretId=secret_id",
        "SecretsManager.GetSecretValue.request.VersionStage=version_stage",
        "SecretsManager.GetSecretValue.response.ARN=secret_arn",
    };

    private ShippedResourceEntries() {
    }
}
