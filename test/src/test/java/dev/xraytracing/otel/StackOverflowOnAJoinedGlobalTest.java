package dev.xraytracing.otel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * On the OpenTelemetry backend joined to a global (the Java agent, the ADOT layer, a team's SDK), our subsegments
 * close as live spans, each recording its exception as it closes: the deepest first. Traced recursion that overflows
 * the stack must give the caller its own error back and leave exception recording working for the JVM's life.
 */
class StackOverflowOnAJoinedGlobalTest {

    @Test
    void inAFreshJvmAnOverflowRecordedFirstLeavesLaterExceptionsReachingThePipeline() throws Exception {
        String javaBinary = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(javaBinary, "-Xss512k", "-cp", System.getProperty("java.class.path"),
                JoinedOverflowInAFreshJvm.class.getName()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean ended = process.waitFor(60, TimeUnit.SECONDS);
        System.out.println("the child JVM: " + output.strip());

        assertThat(ended).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("OK");
    }
}
