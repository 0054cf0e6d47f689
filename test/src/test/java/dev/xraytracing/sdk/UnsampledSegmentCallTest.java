package dev.xraytracing.sdk;

import dev.xraytracing.fakes.FakeAws;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.xray.ThreadLocalStorage;
import com.amazonaws.xray.entities.Entity;
import dev.xraytracing.testing.TracingExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Under an unsampled segment, the call records nothing and tells the callee Sampled=0. */
class UnsampledSegmentCallTest {

    @RegisterExtension
    static final TracingExtension tracing = TracingExtension.inSegment().unsampled();

    @RegisterExtension
    final FakeAws aws = FakeAws.start();


    @Test
    void sendsSampledZeroWithTheSegmentAsParent() {
        aws.json(200, "{}");
        Entity segment = ThreadLocalStorage.get();

        aws.lambda().invoke(r -> r.functionName("second-function"));

        assertThat(aws.traceHeader(0)).isEqualTo("Root=" + segment.getParentSegment().getTraceId() + ";Parent="
                + segment.getId() + ";Sampled=0");
        assertThat(ThreadLocalStorage.get()).isSameAs(segment);
        assertThat(tracing.emitter().documents()).isEmpty();
    }
}
