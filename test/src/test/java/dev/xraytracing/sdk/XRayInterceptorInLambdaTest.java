package dev.xraytracing.sdk;

import dev.xraytracing.fakes.FakeAws;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.xray.interceptors.TracingInterceptor;
import dev.xraytracing.trace.RecordedEntity;
import dev.xraytracing.testing.TracingExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** In Lambda, with X-Ray's interceptor also on the client, the call is ours alone and its header keeps Lineage. */
class XRayInterceptorInLambdaTest {
    static final String ROOT = "1-5759e988-bd862e3fe1be46a994272793";

    @RegisterExtension
    static final TracingExtension tracing = TracingExtension.inLambda()
            .withTraceHeader("Root=" + ROOT + ";Parent=53995c3f42cd8ad8;Sampled=1;Lineage=a87bd80c:1");

    @RegisterExtension
    final FakeAws aws = FakeAws.start();


    @Test
    void theHeaderIsOursWithLineage() {
        aws.withOverrides(o -> o.addExecutionInterceptor(new TracingInterceptor()));
        aws.json(200, "{}");

        aws.lambda().invoke(r -> r.functionName("second-function"));

        assertThat(tracing.trace().entities()).extracting(RecordedEntity::name).containsExactly("Lambda");
        RecordedEntity call = tracing.trace().get("Lambda");
        assertThat(aws.traceHeader(0))
                .isEqualTo("Root=" + ROOT + ";Parent=" + call.id() + ";Sampled=1;Lineage=a87bd80c:1");
    }
}
