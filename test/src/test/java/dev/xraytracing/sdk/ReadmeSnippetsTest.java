package dev.xraytracing.sdk;

import dev.xraytracing.fakes.FakeAws;
import static dev.xraytracing.testing.TracingAssertions.assertThat;

import dev.xraytracing.Tracing;
import dev.xraytracing.testing.TracingExtension;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * The README's "AWS SDK calls are traced" snippets, run as written there except that the clients point at a local
 * server instead of AWS.
 */
class ReadmeSnippetsTest {

    @RegisterExtension
    static final TracingExtension tracing = TracingExtension.inLambda();

    @RegisterExtension
    final FakeAws aws = FakeAws.start();


    @Test
    void everyCallIsTraced() {
        aws.json(200, "{}");
        LambdaClient lambda = aws.lambda();          // nothing to add

        Tracing.sub("CallSecondLambda", s -> lambda.invoke(r -> r.functionName("second-function")));

        assertThat(tracing.trace()).subsegment("CallSecondLambda").child("Lambda").hasNamespace("aws")
                .hasAwsField("operation", "Invoke").hasAwsField("function_name", "second-function")
                .hasAwsField("retries", 0);
    }

    @Test
    void asyncClients() {
        aws.json(200, "{}").json(200, "{}");
        LambdaAsyncClient lambdaAsync = aws.lambdaAsync();
        DynamoDbAsyncClient dynamoDbAsync = aws.dynamoDbAsync();

        Tracing.run("FanOut", s -> CompletableFuture.allOf(
                lambdaAsync.invoke(r -> r.functionName("worker")),
                dynamoDbAsync.getItem(r -> r.tableName("orders"))).join());

        assertThat(tracing.trace()).subsegment("FanOut").hasChildCount(2).child("DynamoDB")
                .hasAwsField("table_name", "orders");
    }

    @Test
    void moreResourceFields() {
        AwsResourceFields.request("EventBridge", "PutEvents", "EndpointId", "endpoint_id");
        AwsResourceFields.response("Sfn", "StartExecution", "ExecutionArn", "execution_arn");
    }
}
