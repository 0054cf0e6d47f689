package dev.xraytracing.lambda.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.xray.AWSXRayRecorder;
import com.amazonaws.xray.AWSXRayRecorderBuilder;
import com.amazonaws.xray.entities.SegmentImpl;
import com.amazonaws.xray.entities.TraceID;
import dev.xraytracing.internal.log.WarnOnce;
import dev.xraytracing.hostile.Hostile;
import org.junit.jupiter.api.Test;

/** A response that cannot be read is recorded as a placeholder, with one warning per type however often it comes. */
class ResponseCapturePlaceholderTest {
    private final AWSXRayRecorder recorder = AWSXRayRecorderBuilder.standard().build();

    @Test
    void anUnreadableResponseLeavesAPlaceholderEveryTimeAndAWarningOnce() {
        WarnOnce warnings = new WarnOnce();
        String type = Hostile.ThrowingText.class.getName();
        for (int i = 0; i < 3; i++) {
            SegmentImpl segment = new SegmentImpl(recorder, "handler", TraceID.create(recorder));

            ResponseCapture.response(segment, new Hostile.ThrowingText(), 1_000, warnings);

            assertThat(segment.getMetadata().get(ResponseCapture.NAMESPACE).get("response"))
                    .isEqualTo("<unserializable " + type + ": toString() threw java.lang.IllegalStateException>");
        }
        assertThat(warnings.warn("lambda:response:" + type, "already warned?")).as("warned before").isFalse();
    }

    @Test
    void aPlaceholderIsCutAtTheCaptureLimitLikeAnyResponse() {
        SegmentImpl segment = new SegmentImpl(recorder, "handler", TraceID.create(recorder));

        ResponseCapture.response(segment, new Hostile.NullText(), 12, new WarnOnce());

        assertThat((String) segment.getMetadata().get(ResponseCapture.NAMESPACE).get("response"))
                .startsWith("<unserializa... (cut at 12 of ");
    }
}
