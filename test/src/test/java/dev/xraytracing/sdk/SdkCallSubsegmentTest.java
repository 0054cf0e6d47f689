package dev.xraytracing.sdk;

import dev.xraytracing.fakes.FakeAws;
import static dev.xraytracing.testing.TracingAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xraytracing.Tracing;
import dev.xraytracing.trace.RecordedEntity;
import dev.xraytracing.testing.TracingExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;

/** A successful SDK call, with no code change, becomes one subsegment that X-Ray's service map understands. */
class SdkCallSubsegmentTest {

    @RegisterExtension
    static final TracingExtension tracing = TracingExtension.inSegment();

    @RegisterExtension
    final FakeAws aws = FakeAws.start();


    private void answerInvoke() {
        aws.json(200, "{\"greeting\":\"secret-payload-from-the-callee\"}", "X-Amz-Executed-Version", "$LATEST");
    }

    private static void invokeSecondLambda(LambdaClient lambda) {
        lambda.invoke(r -> r.functionName("second-function").qualifier("live")
                .invocationType(InvocationType.REQUEST_RESPONSE)
                .payload(SdkBytes.fromUtf8String("{\"card\":\"secret-payload-of-the-caller\"}")));
    }

    @Test
    void nestsOneSubsegmentNamedAfterTheServiceUnderTheCurrentOne() {
        answerInvoke();
        LambdaClient lambda = aws.lambda();

        Tracing.run("CallSecondLambda", s -> invokeSecondLambda(lambda));

        assertThat(tracing.trace()).subsegment("CallSecondLambda").hasChildCount(1).child("Lambda")
                .hasNamespace("aws").isOk().isClosed().hasChildCount(0);
    }

    @Test
    void recordsOperationRegionRequestIdRetriesAndAccount() {
        answerInvoke();

        invokeSecondLambda(aws.lambda());

        assertThat(tracing.trace()).subsegment("Lambda")
                .hasAwsField("operation", "Invoke")
                .hasAwsField("region", "us-east-1")
                .hasAwsField("request_id", "req-1")
                .hasAwsField("retries", 0)
                .hasAwsField("account_id", FakeAws.ACCOUNT_ID);
    }

    @Test
    void recordsTheLambdaResourceFieldsFromTheTable() {
        answerInvoke();

        invokeSecondLambda(aws.lambda());

        assertThat(tracing.trace()).subsegment("Lambda")
                .hasAwsField("function_name", "second-function")
                .hasAwsField("qualifier", "live")
                .hasAwsField("invocation_type", "RequestResponse")
                .hasAwsField("status_code", 200)
                .hasAwsField("executed_version", "$LATEST")
                .hasNoAwsField("function_error");
    }

    @Test
    void recordsTheHttpStatusAndContentLength() {
        answerInvoke();

        invokeSecondLambda(aws.lambda());

        RecordedEntity lambda = tracing.trace().get("Lambda");
        assertThat(lambda).hasHttpStatus(200);
        assertThat(lambda.httpResponse().orElseThrow().contentLength())
                .isEqualTo("{\"greeting\":\"secret-payload-from-the-callee\"}".length());
    }

    @Test
    void neverRecordsPayloadsCredentialsOrOtherHeaders() {
        answerInvoke();

        invokeSecondLambda(aws.lambda());

        assertThat(tracing.trace().entities()).isNotEmpty();
        assertThat(String.join("\n", tracing.emitter().documents()))
                .doesNotContain("secret-payload", FakeAws.ACCESS_KEY, FakeAws.SECRET_KEY, "Authorization",
                        "AWS4-HMAC-SHA256", "X-Amz-Date", "x-amz-date");
    }

    @Test
    void leavesTheCallersCurrentEntityAsItWas() {
        answerInvoke();
        Object before = com.amazonaws.xray.ThreadLocalStorage.get();

        invokeSecondLambda(aws.lambda());

        assertThat(com.amazonaws.xray.ThreadLocalStorage.get()).isSameAs(before);
    }
}
