package dev.xraytracing;

import static dev.xraytracing.testing.TracingAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.xray.AWSXRayRecorder;
import com.amazonaws.xray.AWSXRayRecorderBuilder;
import com.amazonaws.xray.entities.Segment;
import com.amazonaws.xray.entities.Subsegment;
import com.amazonaws.xray.strategy.sampling.AllSamplingStrategy;
import dev.xraytracing.testing.TracingExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Under Lambda's function segment our subsegments are our own implementation of the X-Ray SDK's interfaces: what
 * users reach through {@code xraySubsegment()}, and the X-Ray SDK's own code running inside, behave as with the SDK's.
 */
class TheEscapeHatchWorksInLambdaTest {

    @RegisterExtension
    static final TracingExtension tracing = TracingExtension.inLambda();

    @Test
    void whatIsPutThroughTheEscapeHatchIsInTheDocument() {
        Tracing.run("Handler", s -> {
            Subsegment raw = s.xraySubsegment().orElseThrow();
            raw.putAnnotation("raw", "yes");
            raw.putMetadata("sdk", "map", java.util.Map.of("k", 1));
            raw.putHttp("response", java.util.Map.of("status", 200));
            raw.addException(new IllegalStateException("recorded by hand"));
        });

        assertThat(tracing.trace()).subsegment("Handler").hasAnnotation("raw", "yes").hasMetadata("sdk", "map")
                .isFault();
        assertThat(tracing.trace().get("Handler").cause().orElseThrow().exceptions().get(0).message())
                .isEqualTo("recorded by hand");
    }

    @Test
    void theFunctionSegmentBehindItIsReadOnlyAsTheSdksFacadeIs() {
        Tracing.run("Handler", s -> {
            Segment functionSegment = s.xraySubsegment().orElseThrow().getParentSegment();

            assertThat(functionSegment.isSampled()).isTrue();
            assertThat(tracing.traceHeader()).contains("Root=" + functionSegment.getTraceId());
            assertThatThrownBy(() -> functionSegment.putAnnotation("k", "v"))
                    .isInstanceOf(UnsupportedOperationException.class);
            assertThat(s.xraySubsegment().orElseThrow().getCreator()).isNotNull(); // built on demand
        });
    }

    @Test
    void aSubsegmentTheXRaySdkBeginsInsideOursIsItsChild() {
        AWSXRayRecorder sdk = AWSXRayRecorderBuilder.standard().withSamplingStrategy(new AllSamplingStrategy()).build();

        Tracing.run("Handler", s -> {
            sdk.beginSubsegment("BegunByTheSdk").putAnnotation("by", "sdk");
            sdk.endSubsegment();
            s.annotate("after", true); // ours is current again
        });

        assertThat(tracing.trace()).subsegment("Handler").hasAnnotation("after", true).child("BegunByTheSdk")
                .hasAnnotation("by", "sdk");
    }
}
