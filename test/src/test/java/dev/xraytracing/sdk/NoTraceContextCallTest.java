package dev.xraytracing.sdk;

import dev.xraytracing.fakes.FakeAws;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xraytracing.testing.TracingExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Without a trace context (a local main, a plain unit test) the call runs untouched: no header, no documents. */
class NoTraceContextCallTest {

    @RegisterExtension
    static final TracingExtension tracing = TracingExtension.withoutContext();

    @RegisterExtension
    final FakeAws aws = FakeAws.start();


    @Test
    void sendsNoTraceHeaderAndRecordsNothing() {
        aws.json(200, "{}");

        aws.lambda().invoke(r -> r.functionName("second-function"));

        assertThat(aws.traceHeader(0)).isNull();
        assertThat(tracing.emitter().documents()).isEmpty();
    }
}
