package dev.xraytracing;

import static dev.xraytracing.testing.TracingAssertions.assertThat;

import dev.xraytracing.testing.TracingExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AnnotationsAreRepairedTest {

    @RegisterExtension
    static final TracingExtension tracing = TracingExtension.inSegment();

    @Test
    void invalidKeyCharactersBecomeUnderscores() {
        Tracing.run("Work", s -> s.annotate("order-id.v2", "A-1"));

        assertThat(tracing.trace()).subsegment("Work").hasAnnotation("order_id_v2", "A-1").hasNoAnnotation("order-id.v2");
    }

    @Test
    void longKeysAndValuesAreCutToWhatXRayIndexes() {
        String longKey = "k".repeat(600);
        String longValue = "v".repeat(1_500);

        Tracing.run("Work", s -> s.annotate(longKey, longValue));

        assertThat(tracing.trace()).subsegment("Work").hasAnnotation("k".repeat(500), "v".repeat(1_000));
    }

    @Test
    void nullValuesAreRefusedWithoutThrowing() {
        Tracing.run("Work", s -> s.annotate("missing", (String) null).annotate("kept", true));

        assertThat(tracing.trace()).subsegment("Work").hasNoAnnotation("missing").hasAnnotation("kept", true);
    }

    @Test
    void nonFiniteNumbersAreRecordedAsText() {
        Tracing.run("Work", s -> s.annotate("ratio", Double.NaN).annotate("count", 3));

        assertThat(tracing.trace()).subsegment("Work").hasAnnotation("ratio", "NaN").hasAnnotation("count", 3);
    }

    @Test
    void staticAnnotateTargetsTheInnermostOpenSubsegment() {
        Tracing.run("Outer", outer -> Tracing.run("Inner", inner -> Tracing.annotate("where", "inner")));

        assertThat(tracing.trace()).subsegment("Inner").hasAnnotation("where", "inner");
        assertThat(tracing.trace()).subsegment("Outer").hasNoAnnotation("where");
    }

    @Test
    void invalidSubsegmentNamesAreRepaired() {
        Tracing.run("Call (second) lambda!", s -> { });

        assertThat(tracing.trace()).subsegment("Call _second_ lambda_").isClosed();
    }
}
