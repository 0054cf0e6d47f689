package dev.xraytracing.testing;

import static dev.xraytracing.testing.TracingAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xraytracing.Tracing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code has...} checks and stays, as in AssertJ; {@code child}, {@code subsegment} and {@code parent} move. */
class AssertionsNavigateOnlyWhenTheyNameItTest {

    @RegisterExtension
    static final TracingExtension tracing = TracingExtension.inSegment();

    @Test
    void hasChildChecksAndStaysOnTheParent() {
        Tracing.run("Parent", p -> {
            p.annotate("level", "parent");
            Tracing.run("Child", c -> c.annotate("level", "child"));
        });

        assertThat(tracing.trace()).subsegment("Parent").hasChild("Child").hasAnnotation("level", "parent");
    }

    @Test
    void childMovesToTheChild() {
        Tracing.run("Parent", p -> Tracing.run("Child", c -> c.annotate("level", "child")));

        assertThat(tracing.trace()).subsegment("Parent").child("Child").hasAnnotation("level", "child")
                .hasParent("Parent");
    }

    @Test
    void aMissingChildFailsEitherWay() {
        Tracing.run("Parent", p -> { });

        assertThatThrownBy(() -> assertThat(tracing.trace()).subsegment("Parent").hasChild("Nobody"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("Nobody");
        assertThatThrownBy(() -> assertThat(tracing.trace()).subsegment("Parent").child("Nobody"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("Nobody");
    }
}
