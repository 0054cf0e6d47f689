package dev.xraytracing.faults;

import static dev.xraytracing.testing.TracingAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.xraytracing.Tracing;
import dev.xraytracing.lambda.testing.Invocation;
import dev.xraytracing.lambda.testing.LambdaInvoker;
import dev.xraytracing.lambda.testing.TestContext;
import dev.xraytracing.lambda.testing.Faults;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The test kit's {@link Faults}: rules given to a test's own tracer, no environment variable involved. */
class FaultsInUnitTestsTest {

    @Test
    void aBlockRunsUnderTheGivenRuleAndTheTraceSaysSo() {
        Invocation<String> run = Faults.rule("block:Work=exception:java.lang.IllegalStateException,id=boom")
                .run(() -> Tracing.sub("Work", s -> "done"));

        assertThat(run.thrown()).isExactlyInstanceOf(IllegalStateException.class);
        assertThat(run.trace()).subsegment("Work").isFault().hasAnnotation("FaultInjected", true)
                .hasAnnotation("FaultRule", "boom").hasAnnotation("FaultMode", "exception");
    }

    @Test
    void aBlockOfNoRuleRunsAsWritten() {
        Invocation<Void> run = Faults.rule("block:Elsewhere=exception").run(() -> Tracing.run("Work", s -> { }));

        assertThat(run.threw()).isFalse();
        assertThat(run.trace()).subsegment("Work").isOk().hasNoAnnotation("FaultInjected");
    }

    @Test
    void aCheckedExceptionOfTheBlockComesBackUnchanged() {
        IOException own = new IOException("disk");
        Invocation<String> run = Faults.rule("block:Elsewhere=exception").run(() -> {
            throw own;
        });

        assertThat(run.thrown()).isSameAs(own);
    }

    @Test
    void theSameSeedDrawsTheSameFaults() {
        Faults halfTheTime = Faults.rule("block:Work=exception@50%").seed(7);
        Faults.Block<String> twentyCalls = () -> {
            StringBuilder drawn = new StringBuilder();
            for (int i = 0; i < 20; i++) {
                try {
                    Tracing.run("Work", s -> { });
                    drawn.append('.');
                } catch (RuntimeException injected) {
                    drawn.append('F');
                }
            }
            return drawn.toString();
        };

        String first = halfTheTime.run(twentyCalls).output();
        assertThat(halfTheTime.run(twentyCalls).output()).isEqualTo(first).contains("F").contains(".");
        assertThat(halfTheTime.seed(8).run(twentyCalls).output()).isNotEqualTo(first);
    }

    @Test
    void anInvalidRuleFailsTheTestAtOnce() {
        assertThatThrownBy(() -> Faults.rule("block:Work=explode").run(() -> "never"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("explode");
        assertThatThrownBy(() -> Faults.rule("[{\"id\":\"a\",\"target\":\"handler\",\"mode\":\"http\",\"status\":503}]")
                .and("[{\"id\":\"a\",\"target\":\"handler\",\"mode\":\"timeout\"}]").run(() -> "never"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("taken");
    }

    @Test
    void givenRulesReplaceTheConfiguredOnesButNotTheKillSwitch() {
        LambdaInvoker<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> configured =
                LambdaInvoker.of(new FaultRulesShowInTheTraceTest.Caller())
                        .withEnvironment(Map.of("XRAY_TRACING_FAULTS", "handler=http:503"));
        assertThat(configured.invoke(new APIGatewayProxyRequestEvent()).output().getStatusCode()).isEqualTo(503);
        assertThat(configured.withFaults(Faults.rule("handler=http:418")).invoke(new APIGatewayProxyRequestEvent())
                .output().getStatusCode()).isEqualTo(418);

        assertThatThrownBy(() -> LambdaInvoker.of(new FaultRulesShowInTheTraceTest.Caller())
                .withEnvironment(Map.of("XRAY_TRACING_FAULTS_OFF", "true")).withFaults(Faults.rule("handler=http:418")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("XRAY_TRACING_FAULTS_OFF");
    }

    @Test
    void aHandlerRunsUnderARuleThroughTheBlockForm() {
        Invocation<APIGatewayProxyResponseEvent> run = Faults.rule("handler=http:503,id=down")
                .run(() -> new FaultRulesShowInTheTraceTest.Caller()
                        .handleRequest(new APIGatewayProxyRequestEvent(), TestContext.create()));

        assertThat(run.output().getStatusCode()).isEqualTo(503);
        assertThat(run.trace()).subsegment("## handleRequest").hasAnnotation("FaultRule", "down");
    }
}
