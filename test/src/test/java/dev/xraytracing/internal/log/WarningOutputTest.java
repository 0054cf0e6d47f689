package dev.xraytracing.internal.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/** Where "logged once" warnings go: the SLF4J provider when one is bound, else standard error with one prefix. */
// Standard error is process-wide: no other test may write to it meanwhile.
@Isolated
class WarningOutputTest {
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private PrintStream originalErr;

    @BeforeEach
    void captureStandardError() {
        originalErr = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreStandardError() {
        System.setErr(originalErr);
    }

    private List<String> lines() {
        return captured.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void withoutAProviderEachWarningGoesToStandardErrorOnceWithOnePrefix() {
        WarnOnce warnings = new WarnOnce(WarnOnce.WarningOutput::standardError);

        assertThat(warnings.warn("key:a", "annotation key 'a b' was repaired")).isTrue();
        assertThat(warnings.warn("key:a", "annotation key 'a b' was repaired")).isFalse();
        assertThat(warnings.warn("key:c", "another problem")).isTrue();

        assertThat(lines()).containsExactly(
                "[xray-tracing] WARN annotation key 'a b' was repaired",
                "[xray-tracing] WARN another problem");
    }

    @Test
    void withoutAProviderACauseIsNamedOnTheLineAndItsStackTraceFollows() {
        WarnOnce warnings = new WarnOnce(WarnOnce.WarningOutput::standardError);

        warnings.warn("open", "could not open subsegment 'x'", new IllegalStateException("boom"));

        assertThat(lines().get(0))
                .isEqualTo("[xray-tracing] WARN could not open subsegment 'x': java.lang.IllegalStateException: boom");
        assertThat(lines()).anySatisfy(line -> assertThat(line).contains("at dev.xraytracing.internal."));
    }

    @Test
    void aCauseWhoseToStringThrowsIsNamedByItsTypeAndNothingEscapes() {
        WarnOnce warnings = new WarnOnce(WarnOnce.WarningOutput::standardError);
        RuntimeException hostile = new RuntimeException() {
            @Override
            public String toString() {
                throw new IllegalStateException("hostile");
            }
        };

        assertThat(warnings.warn("hostile", "could not record an exception", hostile)).isTrue();

        assertThat(lines().get(0)).startsWith("[xray-tracing] WARN could not record an exception: ")
                .contains(WarningOutputTest.class.getName());
    }

    @Test
    void pastTheLimitOneFinalWarningSaysSoWithTheSamePrefix() {
        WarnOnce warnings = new WarnOnce(WarnOnce.WarningOutput::standardError);
        for (int i = 0; i <= WarnOnce.MAX_DISTINCT + 5; i++) {
            warnings.warn("problem:" + i, "problem " + i);
        }

        assertThat(lines()).hasSize(WarnOnce.MAX_DISTINCT + 1).allSatisfy(line -> assertThat(line)
                .startsWith("[xray-tracing] WARN "));
        assertThat(lines().get(WarnOnce.MAX_DISTINCT)).contains("further ones are not logged");
    }

    @Test
    void withAProviderBoundTheProviderGetsThem() {
        // This module's tests have slf4j-simple, which writes "WARN <logger> - <message>" to System.err.
        assertThat(WarnOnce.WarningOutput.providerBound()).isTrue();
        WarnOnce warnings = new WarnOnce();

        warnings.warn("provider:" + System.nanoTime(), "sent to the bound provider");

        assertThat(lines()).containsExactly("WARN dev.xraytracing - xray-tracing: sent to the bound provider");
    }
}
