package dev.xraytracing.faults.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a tool that hands rules to functions (LocalRun) learns before running them: each problem is one line that
 * names the source and the rule, counted from 1 as compact ids count.
 */
class RuleCheckTest {
    @TempDir
    Path dir;

    @Test
    void aMisspelledModeIsAnUnknownModeOfTheRuleCountedFromOne() {
        assertThat(RuleCheck.ofText("[{\"id\": \"slow\", \"target\": \"handler\", \"mode\": \"latency\", "
                + "\"latencyMs\": 5}, {\"id\": \"down\", \"target\": \"handler\", \"mode\": \"stauts\"}]", "rules.json"))
                .containsExactly("rule 2 ('down') of rules.json is invalid: unknown mode stauts "
                        + "(latency, exception, status, http, timeout)");
    }

    @Test
    void aMisspelledCompactModeIsAnUnknownModeNotAModeWithoutArgument() {
        assertThat(RuleCheck.ofText("handler=latency:5ms;handler=stauts:503", "rules.txt"))
                .containsExactly("compact rule 2 of rules.txt is invalid: entry 'handler=stauts:503': unknown mode "
                        + "stauts (latency, exception, status, http, timeout)");
        assertThat(RuleCheck.ofText("handler=timeout:5ms", "rules.txt"))
                .containsExactly("compact rule 1 of rules.txt is invalid: entry 'handler=timeout:5ms': mode timeout "
                        + "takes no argument");
    }

    @Test
    void unreadableJsonIsOneLineSayingWhereItStopped() {
        assertThat(RuleCheck.ofText("[{\"id\": \"a\",\n \"target\": }]", "bad.json"))
                .containsExactly("bad.json is not JSON: Unexpected character ('}' (code 125)): expected a valid value "
                        + "(JSON String, Number, Array, Object or token 'null', 'true' or 'false') (line 2, column 12)");
    }

    @Test
    void aMissingFileIsOneLineNamingIt() {
        Path missing = dir.resolve("missing.json");

        assertThat(RuleCheck.ofFile(missing)).containsExactly("the fault rules file " + missing + " does not exist");
    }

    @Test
    void aFileOfValidRulesHasNoProblemAndOneWithoutRulesSaysSo() throws Exception {
        Path good = Files.writeString(dir.resolve("good.json"), "{\"rules\": [{\"id\": \"slow\", \"target\": "
                + "\"sdk:Lambda.Invoke\", \"mode\": \"latency\", \"minMs\": 1, \"maxMs\": 3}]}");
        Path empty = Files.writeString(dir.resolve("empty.json"), "[]");

        assertThat(RuleCheck.ofFile(good)).isEmpty();
        assertThat(RuleCheck.ofFile(empty)).containsExactly(empty + " holds no rule");
    }

    @Test
    void aTakenIdAndAWrongShapeNameTheRuleAndTheSource() {
        assertThat(RuleCheck.ofText("[{\"id\": \"x\", \"target\": \"handler\", \"mode\": \"timeout\"}, "
                + "{\"id\": \"x\", \"target\": \"handler\", \"mode\": \"timeout\"}]", "rules.json"))
                .containsExactly("rule 2 ('x') of rules.json is invalid: its id 'x' is taken by an earlier rule");
        assertThat(RuleCheck.ofText("{\"rule\": []}", "rules.json"))
                .containsExactly("rules.json holds neither an array of rules nor an object with \"rules\"");
    }
}
