package dev.xraytracing.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xraytracing.Tracing;
import dev.xraytracing.internal.emit.DocumentEmitter;
import dev.xraytracing.trace.RecordedEntity;
import dev.xraytracing.testing.TracingExtension;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Issue 11, items 2, 6 and 7: causes that loop or never end, huge messages and chains, null stack frames. */
class HostileExceptionsAreRecordedBoundedTest {

    @RegisterExtension
    static final TracingExtension tracing = TracingExtension.inSegment();

    private RecordedEntity thrownThrough(RuntimeException thrown) {
        assertThatThrownBy(() -> Tracing.run("Work", s -> {
            s.annotate("survivor", "here");
            throw thrown;
        })).isSameAs(thrown);
        RecordedEntity work = tracing.trace().get("Work");
        assertThat(work.annotations()).containsEntry("survivor", "here");
        assertThat(tracing.emitter().documents()).allSatisfy(document ->
                assertThat(document.getBytes(StandardCharsets.UTF_8).length)
                        .isLessThanOrEqualTo(DocumentEmitter.MAX_DOCUMENT_BYTES));
        return work;
    }

    @Test
    void aCauseCycleIsRecordedUpToTheRepetition() {
        RecordedEntity work = thrownThrough(Hostile.cycle());

        assertThat(work.exceptions()).extracting(e -> e.message()).containsExactly("a", "b");
    }

    @Test
    void aCauseThatIsItselfIsRecordedOnce() {
        RecordedEntity work = thrownThrough(new Hostile.SelfCaused("me"));

        assertThat(work.exceptions()).hasSize(1);
    }

    @Test
    void anEndlessCauseChainIsCutAndCounted() {
        RecordedEntity work = thrownThrough(new Hostile.Endless());

        assertThat(work.exceptions()).hasSize(16);
        assertThat(work.exceptions().get(15).skipped()).isPositive();
    }

    @Test
    void aThousandDeepChainIsCutAndTheDocumentIsSent() {
        RecordedEntity work = thrownThrough(Hostile.chain(1_000));

        assertThat(work.exceptions()).hasSize(16);
    }

    @Test
    void aHugeMessageIsCut() {
        RecordedEntity work = thrownThrough(new RuntimeException("m".repeat(200_000)));

        assertThat(work.exceptions().get(0).message()).hasSizeLessThan(1_200).contains("cut at");
    }

    @Test
    void nullStackFramesAndALyingMessageAreSkipped() {
        RecordedEntity work = thrownThrough(new Hostile.Lying());

        assertThat(work.exceptions().get(0).message()).contains("getMessage() threw");
        assertThat(work.exceptions().get(0).stack()).hasSize(1);
    }

    @Test
    void aNestedFailureIsDescribedOnceAndReferencedAbove() {
        IllegalStateException thrown = new IllegalStateException("inner");

        assertThatThrownBy(() -> Tracing.run("Outer", outer -> Tracing.run("Inner", inner -> {
            throw thrown;
        }))).isSameAs(thrown);

        var trace = tracing.trace();
        String innerId = trace.get("Inner").exceptions().get(0).id();
        assertThat(trace.get("Outer").cause().orElseThrow().exceptionId()).isEqualTo(innerId);
    }
}
