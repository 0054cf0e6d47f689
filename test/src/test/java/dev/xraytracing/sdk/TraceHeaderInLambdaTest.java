package dev.xraytracing.sdk;

import dev.xraytracing.fakes.FakeAws;
import static dev.xraytracing.testing.TracingAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xraytracing.Tracing;
import dev.xraytracing.trace.RecordedEntity;
import dev.xraytracing.testing.TracingExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Inside a Lambda invocation, the SDK call hangs under the function's segment, and the request it sends carries the
 * invocation's header with this call as Parent and every other field, Lineage above all, unchanged.
 */
class TraceHeaderInLambdaTest {
    static final String ROOT = "1-5759e988-bd862e3fe1be46a994272793";
    static final String FUNCTION_SEGMENT = "53995c3f42cd8ad8";
    static final String LINEAGE = "a87bd80c:1|68fd508a:5";

    @RegisterExtension
    static final TracingExtension tracing = TracingExtension.inLambda()
            .withTraceHeader("Root=" + ROOT + ";Parent=" + FUNCTION_SEGMENT + ";Sampled=1;Lineage=" + LINEAGE);

    @RegisterExtension
    final FakeAws aws = FakeAws.start();


    @Test
    void sendsRootThisCallAsParentSampledAndTheIncomingLineage() {
        aws.json(200, "{}");

        aws.lambda().invoke(r -> r.functionName("second-function"));

        RecordedEntity call = tracing.trace().get("Lambda");
        assertThat(call.parentId()).isEqualTo(FUNCTION_SEGMENT);
        assertThat(aws.traceHeader(0))
                .isEqualTo("Root=" + ROOT + ";Parent=" + call.id() + ";Sampled=1;Lineage=" + LINEAGE);
    }

    @Test
    void namesTheSdkSubsegmentAsParentEvenInsideAnotherSubsegment() {
        aws.json(200, "{}");

        Tracing.run("CallSecondLambda", s -> aws.lambda().invoke(r -> r.functionName("second-function")));

        RecordedEntity call = tracing.trace().get("Lambda");
        assertThat(call).hasParent("CallSecondLambda");
        assertThat(aws.traceHeader(0)).contains(";Parent=" + call.id() + ";").endsWith(";Lineage=" + LINEAGE);
    }

    @Test
    void sendsTheSameHeaderOnEveryAttempt() {
        aws.jsonError(429, "TooManyRequestsException", "Rate Exceeded.").json(200, "{}");

        aws.lambda().invoke(r -> r.functionName("second-function"));

        assertThat(aws.received()).hasSize(2);
        assertThat(aws.traceHeader(1)).isEqualTo(aws.traceHeader(0));
        // The header is in place before signing; SigV4 leaves X-Amzn-Trace-Id out of SignedHeaders by design.
        assertThat(tracing.trace().get("Lambda")).hasAwsField("retries", 1);
    }
}
