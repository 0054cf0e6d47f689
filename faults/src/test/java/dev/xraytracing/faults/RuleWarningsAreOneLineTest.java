package dev.xraytracing.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import dev.xraytracing.lambda.TracedRequestHandler;
import dev.xraytracing.lambda.testing.LambdaInvoker;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * What a function's log shows for rules it cannot use: one line each, as the README's Logging section promises (no
 * stack trace for a missing file, Jackson's multi-line message folded). Reads standard error, where the test's SLF4J
 * provider writes, so it runs alone.
 */
@Isolated
class RuleWarningsAreOneLineTest {
    @TempDir
    Path dir;

    static final class Plain extends TracedRequestHandler<String, String> {
        @Override
        protected String handle(String event, Context context) {
            return "done";
        }
    }

    private static List<String> warningsOf(Map<String, String> environment) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertThat(LambdaInvoker.of(new Plain()).withEnvironment(environment).invoke("event").output())
                    .isEqualTo("done");
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void aMissingRulesFileIsOneWarningLineWithoutAStackTrace() {
        Path missing = dir.resolve("missing.json");

        assertThat(warningsOf(Map.of("XRAY_TRACING_FAULTS_FILE", missing.toString())))
                .singleElement().asString()
                .endsWith("xray-tracing: the fault rules file " + missing + " does not exist; no rule from there");
    }

    @Test
    void unreadableJsonIsOneWarningLineSayingItIsNotJson() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.json"), "[{\"id\": \"a\",\n \"target\": }]");

        assertThat(warningsOf(Map.of("XRAY_TRACING_FAULTS_FILE", bad.toString())))
                .singleElement().asString()
                .endsWith("xray-tracing: " + bad + " is not JSON: Unexpected character ('}' (code 125)): expected a "
                        + "valid value (JSON String, Number, Array, Object or token 'null', 'true' or 'false') "
                        + "(line 2, column 12); no rule from there");
    }

    @Test
    void aMisspelledModeIsOneWarningLineNamingRuleOne() {
        assertThat(warningsOf(Map.of("XRAY_TRACING_FAULTS", "handler=stauts:503")))
                .singleElement().asString()
                .endsWith("xray-tracing: compact rule 1 of XRAY_TRACING_FAULTS is invalid: entry 'handler=stauts:503': "
                        + "unknown mode stauts (latency, exception, status, http, timeout); it injects nothing");
    }
}
