package dev.xraytracing.sdk;

import dev.xraytracing.fakes.FakeAws;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xraytracing.testing.TracingExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An unsampled invocation records nothing but passes its header on as it came: Sampled=0, Lineage kept. */
class UnsampledCallTest {
    static final String HEADER = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=0;"
            + "Lineage=a87bd80c:1";

    @RegisterExtension
    static final TracingExtension tracing = TracingExtension.inLambda().withTraceHeader(HEADER);

    @RegisterExtension
    final FakeAws aws = FakeAws.start();


    @Test
    void propagatesTheUnsampledHeaderUnchangedAndRecordsNothing() {
        aws.json(200, "{}");

        aws.lambda().invoke(r -> r.functionName("second-function"));

        assertThat(aws.traceHeader(0)).isEqualTo(HEADER);
        assertThat(tracing.emitter().documents()).isEmpty();
    }
}
