package dev.xraytracing.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.amazonaws.xray.AWSXRayRecorder;
import com.amazonaws.xray.AWSXRayRecorderBuilder;
import com.amazonaws.xray.emitters.Emitter;
import com.amazonaws.xray.entities.Segment;
import com.amazonaws.xray.entities.Subsegment;
import com.amazonaws.xray.strategy.sampling.AllSamplingStrategy;
import dev.xraytracing.Tracing;
import dev.xraytracing.trace.RecordedEntity;
import dev.xraytracing.testing.SegmentDocumentSchema;
import dev.xraytracing.testing.TracingExtension;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 11, item 11: under a segment begun with the X-Ray SDK itself ({@code AWSXRay.beginSegment}, servlet filters),
 * our subsegments are written by our emitter, so hostile values cannot empty the SDK's datagram or make the user's
 * own {@code endSegment()} throw.
 */
class RawXRaySegmentsGetOurProtectionTest {

    @RegisterExtension
    static final TracingExtension tracing = TracingExtension.withoutContext();

    /** What the SDK's UDPEmitter would send: its own serializer's output. */
    static final class SdkSerializingEmitter extends Emitter {
        final List<String> documents = new CopyOnWriteArrayList<>();

        @Override
        public boolean sendSegment(Segment segment) {
            documents.add(segment.serialize());
            return true;
        }

        @Override
        public boolean sendSubsegment(Subsegment subsegment) {
            documents.add(subsegment.streamSerialize());
            return true;
        }
    }

    private final SdkSerializingEmitter sdkEmitter = new SdkSerializingEmitter();
    private final AWSXRayRecorder raw = AWSXRayRecorderBuilder.standard().withEmitter(sdkEmitter)
            .withSamplingStrategy(new AllSamplingStrategy()).build();

    @Test
    void hostileValuesNeverEmptyTheSdksDatagramNorMakeEndSegmentThrow() {
        raw.beginSegment("RawServlet");
        Tracing.run("Ours", s -> s.annotate("survivor", "here").annotate("empty", "")
                .metadata("error", new Hostile.ErrorGetter()).metadata("exception", new Hostile.ExceptionGetter())
                .metadata("iterable", new Hostile.ThrowingIterable())
                .exception(Hostile.cycle()));
        Tracing.current(); // the raw segment is current again
        Tracing.metadata("onTheRawSegment", new Hostile.ErrorGetter());

        assertThatCode(raw::endSegment).doesNotThrowAnyException();

        assertThat(sdkEmitter.documents).singleElement().satisfies(document -> {
            assertThat(document).isNotEmpty().contains("RawServlet");
            assertThat(SegmentDocumentSchema.problems(document)).isEmpty();
        });
        RecordedEntity ours = tracing.emitter().traces().get(0).get("Ours");
        assertThat(ours.annotations()).containsEntry("survivor", "here").containsEntry("empty", "");
        assertThat(ours.parentId()).isNotNull();
        assertThat(ours.exceptions()).hasSize(2);
    }

    @Test
    void nestedSubsegmentsUnderARawSegmentArriveUnderTheirParents() {
        Segment segment = raw.beginSegment("RawServlet");
        Tracing.run("Outer", outer -> Tracing.run("Inner", inner -> inner.annotate("survivor", "here")));
        raw.endSegment();

        var trace = tracing.emitter().traces().get(0);
        assertThat(trace.get("Inner").parent()).hasValueSatisfying(p -> assertThat(p.name()).isEqualTo("Outer"));
        assertThat(trace.get("Outer").parentId()).isEqualTo(segment.getId());
        assertThat(sdkEmitter.documents).hasSize(1);
    }
}
