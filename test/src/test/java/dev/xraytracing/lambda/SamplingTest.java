package dev.xraytracing.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xraytracing.Tracing;
import dev.xraytracing.lambda.testing.Invocation;
import dev.xraytracing.lambda.testing.LambdaInvoker;
import dev.xraytracing.lambda.testing.TestContext;
import dev.xraytracing.internal.LambdaTraceHeader;
import dev.xraytracing.internal.TracerCore;
import dev.xraytracing.testing.InMemoryEmitter;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.utilslite.SdkInternalThreadLocal;

class SamplingTest {

    @Test
    void anUnsampledInvocationRunsTheHandlerAndEmitsNothing() {
        LambdaInvoker<String, String> lambda = LambdaInvoker.of(new Handlers.Greeter()).unsampled();

        Invocation<String> invocation = lambda.invoke("Ada");

        assertThat(invocation.output()).isEqualTo("Hello, Ada");
        assertThat(lambda.documents()).isEmpty();
    }

    @Test
    void anInvocationWithoutATraceHeaderRunsTheHandlerAndEmitsNothing() {
        LambdaInvoker<String, String> lambda = LambdaInvoker.of(new Handlers.Greeter()).withoutTraceHeader();

        Invocation<String> invocation = lambda.invoke("Ada");

        assertThat(invocation.output()).isEqualTo("Hello, Ada");
        assertThat(lambda.documents()).isEmpty();
    }

    @Test
    void aSampledInvocationEmitsItsHandlerSubsegment() {
        LambdaInvoker<String, String> lambda = LambdaInvoker.of(new Handlers.Greeter()).sampled();

        Invocation<String> invocation = lambda.invoke("Ada");

        assertThat(invocation.documents()).isNotEmpty();
        assertThat(invocation.trace().find("## handleRequest")).isPresent();
    }

    @Test
    void aGivenHeaderIsUsedAsIs() {
        String header = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1";

        Invocation<String> invocation = LambdaInvoker.of(new Handlers.Greeter()).withTraceHeader(header).invoke("Ada");

        assertThat(invocation.trace().traceId()).isEqualTo("1-5759e988-bd862e3fe1be46a994272793");
        assertThat(invocation.trace().get("## handleRequest").parentId()).isEqualTo("53995c3f42cd8ad8");
    }

    @Test
    void anUnsampledInvocationNeverBuildsARecorder() {
        AtomicInteger recordersBuilt = new AtomicInteger();
        TracerCore counting = new TracerCore(warnings -> {
            recordersBuilt.incrementAndGet();
            return new InMemoryEmitter()::send;
        }, null, true);
        TracerCore.Scope scope = counting.makeCurrent();
        SdkInternalThreadLocal.put(LambdaTraceHeader.THREAD_LOCAL_KEY,
                "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=0");
        try {
            assertThat(new Handlers.Greeter().handleRequest("Ada", TestContext.create())).isEqualTo("Hello, Ada");
        } finally {
            SdkInternalThreadLocal.put(LambdaTraceHeader.THREAD_LOCAL_KEY, null);
            scope.close();
        }
        assertThat(recordersBuilt).hasValue(0);
    }

    @Test
    void outsideLambdaAHandlerRunsAndNothingThrows() {
        String greeting = new Handlers.Greeter().handleRequest("Ada", TestContext.create());

        assertThat(greeting).isEqualTo("Hello, Ada");
        Tracing.annotate("Outside", "yes");
    }
}
