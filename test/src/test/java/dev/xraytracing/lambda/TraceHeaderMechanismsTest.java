package dev.xraytracing.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xraytracing.internal.LambdaTraceHeader;
import dev.xraytracing.lambda.testing.Invocation;
import dev.xraytracing.lambda.testing.LambdaInvoker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import software.amazon.awssdk.utilslite.SdkInternalThreadLocal;

/**
 * The runtime (aws-lambda-java-runtime-interface-client) sets the system property per invocation when it runs one
 * at a time and the thread-local when it runs several; these tests use the process-wide property, restore it, and so
 * run isolated: no other test runs meanwhile (every test without a header of its own would read the property).
 */
@Isolated("sets the process-wide trace header system property")
class TraceHeaderMechanismsTest {
    private static final String HEADER = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1";
    private static final String OTHER = "Root=1-5759e988-00000000e1be46a994272793;Parent=1111111111111111;Sampled=1";

    private String saved;

    @BeforeEach
    void saveProperty() {
        saved = System.getProperty(LambdaTraceHeader.SYSTEM_PROPERTY);
    }

    @AfterEach
    void restoreProperty() {
        if (saved == null) {
            System.clearProperty(LambdaTraceHeader.SYSTEM_PROPERTY);
        } else {
            System.setProperty(LambdaTraceHeader.SYSTEM_PROPERTY, saved);
        }
    }

    @Test
    void aHeaderInTheSystemPropertyIsTraced() {
        Invocation<String> invocation = LambdaInvoker.of(new Handlers.Greeter()).withTraceHeader(HEADER)
                .viaSystemProperty().invoke("Ada");

        assertThat(invocation.trace().get("## handleRequest").parentId()).isEqualTo("53995c3f42cd8ad8");
        assertThat(System.getProperty(LambdaTraceHeader.SYSTEM_PROPERTY)).isEqualTo(saved);
    }

    @Test
    void theThreadsOwnHeaderWinsOverTheSystemProperty() {
        System.setProperty(LambdaTraceHeader.SYSTEM_PROPERTY, OTHER);

        Invocation<String> invocation = LambdaInvoker.of(new Handlers.Greeter()).withTraceHeader(HEADER).invoke("Ada");

        assertThat(invocation.trace().traceId()).isEqualTo("1-5759e988-bd862e3fe1be46a994272793");
        assertThat(SdkInternalThreadLocal.get(LambdaTraceHeader.THREAD_LOCAL_KEY)).isNull();
    }

    @Test
    void anUnsampledHeaderInTheSystemPropertyEmitsNothing() {
        LambdaInvoker<String, String> lambda = LambdaInvoker.of(new Handlers.Greeter()).unsampled()
                .viaSystemProperty();

        assertThat(lambda.invoke("Ada").output()).isEqualTo("Hello, Ada");
        assertThat(lambda.documents()).isEmpty();
    }
}
