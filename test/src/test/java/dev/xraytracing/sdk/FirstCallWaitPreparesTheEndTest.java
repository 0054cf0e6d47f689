package dev.xraytracing.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xraytracing.fakes.FakeAws;
import dev.xraytracing.internal.TracerCore;
import dev.xraytracing.sdk.internal.CallWaitWarmUp;
import dev.xraytracing.testing.TracingExtension;
import dev.xraytracing.trace.RecordedEntity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A tracer armed at init (one CPU) starts preparing the invocation's end when its first traced call goes out. */
class FirstCallWaitPreparesTheEndTest {
    @RegisterExtension
    static final TracingExtension tracing = TracingExtension.inLambda()
            .withTraceHeader("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1");

    @RegisterExtension
    final FakeAws aws = FakeAws.start();

    @Test
    void theFirstCallStartsItAndEveryCallIsRecordedAsBefore() {
        TracerCore core = TracerCore.threadOwn();
        CallWaitWarmUp.arm(core);
        aws.json(200, "{}");
        aws.json(200, "{}");

        aws.lambda().invoke(r -> r.functionName("second-function"));
        boolean pendingAfterFirst = CallWaitWarmUp.pending(core);
        aws.lambda().invoke(r -> r.functionName("second-function"));

        assertThat(pendingAfterFirst).as("started by the first call").isFalse();
        assertThat(tracing.trace().entities()).extracting(RecordedEntity::name).containsExactly("Lambda", "Lambda");
    }
}
