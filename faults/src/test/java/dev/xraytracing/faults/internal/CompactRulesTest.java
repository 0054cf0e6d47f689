package dev.xraytracing.faults.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.xraytracing.internal.log.WarnOnce;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CompactRulesTest {
    private static List<Rule> parse(String text) {
        List<Rule> rules = new ArrayList<>();
        RuleSources.parse(text, "test", rules, new HashSet<>(), RuleSources.Problems.of(new WarnOnce()));
        return rules;
    }

    @Test
    void everyTargetAndModeHasACompactSpelling() {
        List<Rule> rules = parse("sdk:Lambda.Invoke=status:429@50%,errorCode=TooManyRequestsException;"
                + " block:CallSecondLambda=latency:200-800ms ; block:*=latency:30ms,id=fixed;"
                + "handler=http:503,dry;sdk:*=exception:400;block:B=exception:java.lang.IllegalStateException,message=m;"
                + "handler=timeout@5%");

        assertThat(rules).hasSize(7);
        assertThat(rules.get(0).id).isEqualTo("sdk:Lambda.Invoke#1");
        assertThat(rules.get(0).status).isEqualTo(429);
        assertThat(rules.get(0).percentage).isEqualTo(50);
        assertThat(rules.get(0).errorCode).isEqualTo("TooManyRequestsException");
        assertThat(rules.get(1).minMs).isEqualTo(200);
        assertThat(rules.get(1).maxMs).isEqualTo(800);
        assertThat(rules.get(2).id).isEqualTo("fixed");
        assertThat(rules.get(2).maxMs).isEqualTo(30);
        assertThat(rules.get(3).dryRun).isTrue();
        assertThat(rules.get(4).status).isEqualTo(400);
        assertThat(rules.get(5).exceptionType).isEqualTo("java.lang.IllegalStateException");
        assertThat(rules.get(5).message).isEqualTo("m");
        assertThat(rules.get(6).mode).isEqualTo(Rule.Mode.TIMEOUT);
    }

    @Test
    void anInvalidEntryIsSkippedAndTheOthersApply() {
        assertThat(parse("nowhere=latency:1ms;handler=http:503;sdk:S=status:200;handler=latency:fast"))
                .extracting(rule -> rule.id).containsExactly("handler#2");
    }

    @Test
    void generatedGarbageNeverThrows() {
        Random random = new Random(13);
        String alphabet = "sdk:block:handler=latencystatushttpexceptiontimeout@%;,-.*0123456789ms{}[]\" id=dry";
        for (int round = 0; round < 20_000; round++) {
            StringBuilder garbage = new StringBuilder();
            int length = random.nextInt(60);
            for (int i = 0; i < length; i++) {
                garbage.append(random.nextInt(10) == 0 ? (char) random.nextInt(0x3000)
                        : alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = garbage.toString();
            assertThatCode(() -> parse(text)).as(text).doesNotThrowAnyException();
        }
    }
}
