package dev.xraytracing.sdk;

import dev.xraytracing.fakes.FakeAws;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.xray.interceptors.TracingInterceptor;
import dev.xraytracing.trace.RecordedEntity;
import dev.xraytracing.testing.TracingExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A call is traced once, however many tracing interceptors the client has: ours registered globally and again by
 * hand, or X-Ray's own TracingInterceptor added next to it (which then stands aside).
 */
class OneSubsegmentPerCallTest {

    @RegisterExtension
    static final TracingExtension tracing = TracingExtension.inSegment();

    @RegisterExtension
    final FakeAws aws = FakeAws.start();


    @Test
    void oursRegisteredTwiceTracesOnce() {
        aws.withOverrides(o -> o.addExecutionInterceptor(new TracingExecutionInterceptor()));
        aws.jsonError(429, "TooManyRequestsException", "Rate Exceeded.").json(200, "{}");

        aws.lambda().invoke(r -> r.functionName("second-function"));

        assertThat(tracing.trace().entities()).extracting(RecordedEntity::name)
                .containsExactly("test", "Lambda", "Attempt 1", "Attempt 2");
        RecordedEntity call = tracing.trace().get("Lambda");
        assertThat(call.aws().retries()).isEqualTo(1);
        assertThat(aws.traceHeader(0)).contains(";Parent=" + call.id() + ";");
    }

    @Test
    void xraysOwnInterceptorNextToOursStandsAside() {
        aws.withOverrides(o -> o.addExecutionInterceptor(new TracingInterceptor()));
        aws.json(200, "{}");

        aws.lambda().invoke(r -> r.functionName("second-function"));

        assertThat(tracing.trace().entities()).extracting(RecordedEntity::name).containsExactly("test", "Lambda");
        RecordedEntity call = tracing.trace().get("Lambda");
        assertThat(aws.traceHeader(0)).isEqualTo("Root=" + call.traceId() + ";Parent=" + call.id() + ";Sampled=1");
    }
}
