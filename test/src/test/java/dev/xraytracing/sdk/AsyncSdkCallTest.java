package dev.xraytracing.sdk;

import dev.xraytracing.fakes.FakeAws;
import static dev.xraytracing.testing.TracingAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.xray.ThreadLocalStorage;
import com.amazonaws.xray.entities.Entity;
import dev.xraytracing.Tracing;
import dev.xraytracing.trace.RecordedEntity;
import dev.xraytracing.testing.TracingExtension;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/**
 * An async call's subsegment keeps the parent it had when the call started, ends on whichever thread completes the
 * call, and is never left current on the caller's thread.
 */
class AsyncSdkCallTest {
    static final String FUNCTION_SEGMENT = "53995c3f42cd8ad8";

    @RegisterExtension
    static final TracingExtension tracing = TracingExtension.inLambda().withTraceHeader(
            "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=" + FUNCTION_SEGMENT + ";Sampled=1;Lineage=a87bd80c:1");

    @RegisterExtension
    final FakeAws aws = FakeAws.start();


    @Test
    void anAsyncLambdaCallHangsUnderTheFunctionAndLeavesTheCallerThreadClean() {
        aws.json(200, "{}");

        CompletableFuture<InvokeResponse> pending = aws.lambdaAsync().invoke(r -> r.functionName("second-function"));
        Entity onCallerThread = ThreadLocalStorage.get();
        pending.join();

        assertThat(onCallerThread).isNull();
        assertThat(ThreadLocalStorage.get()).isNull();
        RecordedEntity call = tracing.trace().get("Lambda");
        assertThat(call).isOk().isClosed().hasAwsField("function_name", "second-function").hasAwsField("retries", 0);
        assertThat(call.parentId()).isEqualTo(FUNCTION_SEGMENT);
        assertThat(aws.traceHeader(0)).contains(";Parent=" + call.id() + ";").endsWith(";Lineage=a87bd80c:1");
    }

    @Test
    void concurrentAsyncCallsKeepTheSubsegmentThatStartedThem() {
        aws.json(200, "{}").json(200, "{\"Item\":{\"pk\":{\"S\":\"1\"}}}");

        Tracing.run("FanOut", s -> {
            Entity fanOut = ThreadLocalStorage.get();
            CompletableFuture<InvokeResponse> invoked = aws.lambdaAsync().invoke(r -> r.functionName("worker"));
            assertThat(ThreadLocalStorage.get()).isSameAs(fanOut);
            CompletableFuture<GetItemResponse> read = aws.dynamoDbAsync().getItem(r -> r.tableName("orders"));
            assertThat(ThreadLocalStorage.get()).isSameAs(fanOut);
            CompletableFuture.allOf(invoked, read).join();
        });

        assertThat(tracing.trace()).subsegment("FanOut").hasChildCount(2).child("Lambda").isOk().isClosed();
        assertThat(tracing.trace()).subsegment("FanOut").child("DynamoDB").isOk().isClosed()
                .hasAwsField("table_name", "orders");
    }

    @Test
    void aFailedAsyncCallIsRecordedAndClosed() {
        aws.jsonError(404, "ResourceNotFoundException", "Function not found: missing");

        assertThatThrownBy(() -> aws.lambdaAsync().invoke(r -> r.functionName("missing")).join())
                .isInstanceOf(CompletionException.class).hasCauseInstanceOf(ResourceNotFoundException.class);

        assertThat(tracing.trace()).subsegment("Lambda").isError().isClosed().hasHttpStatus(404)
                .hasExceptionOfType("ResourceNotFoundException");
    }

    @Test
    void anAsyncDynamoDbThrottleIsRetriedAndShowsItsAttempts() {
        aws.jsonError(400, "com.amazonaws.dynamodb.v20120810#ThrottlingException", "Rate of requests exceeds")
                .json(200, "{}");

        aws.dynamoDbAsync().getItem(r -> r.tableName("orders")).join();

        RecordedEntity call = tracing.trace().get("DynamoDB");
        assertThat(call).isOk().hasAwsField("retries", 1).hasChildCount(2);
        assertThat(call).child("Attempt 1").isError().hasHttpStatus(400);
    }
}
