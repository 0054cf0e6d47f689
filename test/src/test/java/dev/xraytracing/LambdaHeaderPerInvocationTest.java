package dev.xraytracing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.xraytracing.internal.LambdaTraceHeader;
import dev.xraytracing.testing.TracingExtension;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.utilslite.SdkInternalThreadLocal;

/** The parsed Lambda trace header is reused within an invocation, but each new header starts a new trace. */
class LambdaHeaderPerInvocationTest {
    private static final String NEXT_INVOCATION =
            "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1";

    @RegisterExtension
    static final TracingExtension tracing = TracingExtension.inLambda();

    @Test
    void subsegmentsGoUnderTheTraceAndParentOfTheInvocationTheyRunIn() throws Exception {
        String first = tracing.traceHeader();
        Tracing.run("First", s -> { });
        Tracing.run("FirstAgain", s -> { });
        SdkInternalThreadLocal.put(LambdaTraceHeader.THREAD_LOCAL_KEY, NEXT_INVOCATION);
        Tracing.run("Second", s -> { });
        SdkInternalThreadLocal.put(LambdaTraceHeader.THREAD_LOCAL_KEY, first);
        Tracing.run("Third", s -> { });

        List<String> placements = new ArrayList<>();
        for (String document : tracing.emitter().documents()) {
            JsonNode json = new ObjectMapper().readTree(document);
            placements.add(json.get("name").asText() + " Root=" + json.get("trace_id").asText()
                    + ";Parent=" + json.get("parent_id").asText());
        }
        String firstIds = first.substring(0, first.indexOf(";Sampled"));
        assertThat(placements).containsExactly(
                "First " + firstIds,
                "FirstAgain " + firstIds,
                "Second Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8",
                "Third " + firstIds);
    }
}
