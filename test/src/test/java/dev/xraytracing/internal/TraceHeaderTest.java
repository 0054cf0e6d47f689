package dev.xraytracing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The one reader and writer of {@code X-Amzn-Trace-Id}. */
class TraceHeaderTest {
    static final String ROOT = "1-5759e988-bd862e3fe1be46a994272793";
    private static final long SEED = 0x5EED_12L;
    private static final int CASES = 5_000;

    @Test
    void readsTheThreeKnownFieldsAndKeepsEveryOtherVerbatimInOrder() {
        TraceHeader header = TraceHeader.parse("Root=" + ROOT + ";Parent=53995c3f42cd8ad8;Sampled=1;"
                + "Lineage=a87bd80c:1;Self=1-abc;x=y=z");

        assertThat(header.root()).isEqualTo(ROOT);
        assertThat(header.parent()).isEqualTo("53995c3f42cd8ad8");
        assertThat(header.isSampled()).isTrue();
        assertThat(header.others()).containsExactly("Lineage=a87bd80c:1", "Self=1-abc", "x=y=z");
        assertThat(header.other("Lineage")).isEqualTo("a87bd80c:1");
    }

    @Test
    void knownKeysMatchOnlyInTheirOwnCaseAsTheXRaySdkAndOpenTelemetryReadThem() {
        TraceHeader header = TraceHeader.parse(" root=" + ROOT + " ; PARENT=53995c3f42cd8ad8 ;sampled=1");

        assertThat(header.root()).isNull();
        assertThat(header.parent()).isNull();
        assertThat(header.sampledDecision()).isNull();
        assertThat(header.others()).containsExactly("root=" + ROOT, "PARENT=53995c3f42cd8ad8", "sampled=1");
    }

    @Test
    void aRepeatedKeyTakesItsLastValue() {
        TraceHeader header = TraceHeader.parse("Root=" + ROOT + ";Sampled=0;Parent=53995c3f42cd8ad8;Sampled=1;"
                + "Root=1-00000000-000000000000000000000001;Lineage=a:1;Lineage=b:2");

        assertThat(header.root()).isEqualTo("1-00000000-000000000000000000000001");
        assertThat(header.isSampled()).isTrue();
        assertThat(header.other("Lineage")).isEqualTo("b:2");
    }

    @Test
    void aRootThatIsNotATraceIdLeavesNoTraceAndNoParent() {
        for (String root : new String[] {"1-abc", ROOT.toUpperCase(java.util.Locale.ROOT), "2" + ROOT.substring(1),
                ROOT + "0", "1-5759e988_bd862e3fe1be46a994272793", ""}) {
            TraceHeader header = TraceHeader.parse("Root=" + root + ";Parent=53995c3f42cd8ad8;Sampled=1");

            assertThat(header.root()).as(root).isNull();
            assertThat(header.parent()).as(root).isNull();
            assertThat(header.rejectedRoot()).as(root).isEqualTo(root);
            assertThat(header.isSampled()).as(root).isTrue();
        }
    }

    @Test
    void theRootIsTrimmedAndOtherValuesAreKeptAsWritten() {
        TraceHeader header = TraceHeader.parse("Root= " + ROOT + ";Parent= 53995c3f42cd8ad8;Sampled= 1");

        assertThat(header.root()).isEqualTo(ROOT);
        assertThat(header.parent()).isEqualTo(" 53995c3f42cd8ad8");
        assertThat(header.sampledDecision()).isEqualTo(" 1");
        assertThat(header.isDecided()).isFalse();
    }

    @Test
    void aRequestedOrMissingDecisionIsNotSampledAndNotDecided() {
        assertThat(TraceHeader.parse("Root=" + ROOT + ";Sampled=?").isSampled()).isFalse();
        assertThat(TraceHeader.parse("Root=" + ROOT + ";Sampled=?").isDecided()).isFalse();
        assertThat(TraceHeader.parse("Root=" + ROOT).sampledDecision()).isNull();
    }

    @Test
    void withParentHandsTheTraceOnWithLineageAndOtherFieldsKept() {
        TraceHeader incoming = TraceHeader.parse("Root=" + ROOT + ";Parent=53995c3f42cd8ad8;Sampled=1;Lineage=ab:2");

        assertThat(incoming.withParent("0123456789abcdef", false).format())
                .isEqualTo("Root=" + ROOT + ";Parent=0123456789abcdef;Sampled=0;Lineage=ab:2");
        assertThat(incoming.withParent("0123456789abcdef").format())
                .isEqualTo("Root=" + ROOT + ";Parent=0123456789abcdef;Sampled=1;Lineage=ab:2");
    }

    @Test
    void partsWithoutAKeyAreDropped() {
        TraceHeader header = TraceHeader.parse("Root=" + ROOT + ";;junk;=v; ;");

        assertThat(header.format()).isEqualTo("Root=" + ROOT);
    }

    @Test
    void parseThenFormatIsTheIdentityOnValidHeaders() {
        Random random = new Random(SEED);
        for (int i = 0; i < CASES; i++) {
            String valid = validHeader(random);

            assertThat(TraceHeader.parse(valid).format()).as("seed %s, case %s", SEED, i).isEqualTo(valid);
        }
    }

    @Test
    void garbageNeverThrowsAndWhatIsReadSurvivesAFormat() {
        Random random = new Random(SEED);
        for (int i = 0; i < CASES; i++) {
            String garbage = garbage(random);

            TraceHeader parsed = TraceHeader.parse(garbage);
            TraceHeader again = TraceHeader.parse(parsed.format());

            assertThat(again.format()).as("seed %s, case %s: %s", SEED, i, garbage).isEqualTo(parsed.format());
            assertThat(again.rejectedRoot()).isNull();
        }
        assertThat(TraceHeader.parse(null).format()).isEmpty();
    }

    /** Root first, then Parent and Sampled when present, then other fields: the shape every service sends. */
    static String validHeader(Random random) {
        StringBuilder header = new StringBuilder("Root=1-").append(hex(random, 8)).append('-').append(hex(random, 24));
        if (random.nextBoolean()) {
            header.append(";Parent=").append(hex(random, 16));
        }
        if (random.nextInt(4) > 0) {
            header.append(";Sampled=").append("10?".charAt(random.nextInt(3)));
        }
        int others = random.nextInt(4);
        for (int i = 0; i < others; i++) {
            String key = random.nextInt(3) == 0 ? "Lineage" : "K" + word(random, 1 + random.nextInt(6));
            header.append(';').append(key).append('=').append(value(random));
        }
        return header.toString();
    }

    private static String garbage(Random random) {
        String alphabet = "Root=ParentSampled;= \t?01xé\u0000\uD83D\uDE00";
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(60);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return random.nextInt(5) == 0 ? validHeader(random) + text : text.toString();
    }

    static String hex(Random random, int digits) {
        StringBuilder out = new StringBuilder(digits);
        for (int i = 0; i < digits; i++) {
            out.append(Character.forDigit(random.nextInt(16), 16));
        }
        return out.toString();
    }

    private static String word(Random random, int length) {
        String letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-";
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(letters.charAt(random.nextInt(letters.length())));
        }
        return out.toString();
    }

    /** No separator, no surrounding white space; may hold {@code =}, {@code :} and inner spaces. */
    private static String value(Random random) {
        String value = word(random, 1 + random.nextInt(8)) + (random.nextBoolean() ? ":" + random.nextInt(10) : "")
                + (random.nextInt(5) == 0 ? "=x y" : "");
        return value;
    }
}
