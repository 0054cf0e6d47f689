package dev.xraytracing;

import static dev.xraytracing.testing.TracingAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xraytracing.trace.RecordedEntity;
import dev.xraytracing.testing.TracingExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LambdaFacadeTest {

    @RegisterExtension
    static final TracingExtension tracing = TracingExtension.inLambda();

    @Test
    void emitsEachTopLevelSubsegmentUnderTheFunctionSegment() {
        Tracing.run("Handler", s -> {
            Tracing.annotate("RequestKind", "test");
            Tracing.run("Step", step -> step.metadata("detail", java.util.Map.of("a", 1)));
        });

        RecordedEntity handler = tracing.trace().get("Handler");
        String parent = tracing.traceHeader().split("Parent=")[1].substring(0, 16);
        assertThat(handler.parentId()).isEqualTo(parent);
        assertThat(handler).hasAnnotation("RequestKind", "test").child("Step").hasMetadata("default", "detail");
    }
}
