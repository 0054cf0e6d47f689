package dev.xraytracing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.xray.entities.TraceHeader.SampleDecision;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Our reading of {@code X-Amzn-Trace-Id} against the X-Ray SDK for Java's ({@code TraceHeader.fromString}) over
 * generated headers: keys in other cases, repeated keys, roots that are not trace ids, stray white space, parts
 * without a key. Both must find the same trace, parent and sampling decision; where the SDK starts a new trace for a
 * Root it cannot read, we find none and no parent either (nothing is recorded under a parent of an unknown trace).
 */
class TraceHeaderReadsAsTheXRaySdkTest {
    private static final long SEED = Long.getLong("header.seed", 0x7EADE5L);
    private static final int CASES = 20_000;

    @Test
    void ourParseFindsTheTraceParentAndDecisionTheXRaySdkFinds() {
        Random random = new Random(SEED);
        for (int i = 0; i < CASES; i++) {
            String header = header(random);
            TraceHeader ours = TraceHeader.parse(header);
            com.amazonaws.xray.entities.TraceHeader sdk = com.amazonaws.xray.entities.TraceHeader.fromString(header);
            String as = String.format("seed %s, case %s: %s", SEED, i, header);

            assertThat(decision(ours)).as(as).isEqualTo(sdk.getSampled());
            if (ours.rejectedRoot() != null) {
                assertThat(sdk.getRootTraceId()).as(as).isNotNull();
                assertThat(sdk.getRootTraceId().toString()).as(as).isNotEqualTo(ours.rejectedRoot().trim());
                assertThat(ours.root()).as(as).isNull();
                assertThat(ours.parent()).as(as).isNull();
            } else {
                assertThat(ours.root()).as(as)
                        .isEqualTo(sdk.getRootTraceId() == null ? null : sdk.getRootTraceId().toString());
                assertThat(ours.parent()).as(as).isEqualTo(sdk.getParentId());
            }
        }
    }

    private static SampleDecision decision(TraceHeader header) {
        String written = header.sampledDecision();
        if (TraceHeader.SAMPLED.equals(written)) {
            return SampleDecision.SAMPLED;
        }
        if (TraceHeader.NOT_SAMPLED.equals(written)) {
            return SampleDecision.NOT_SAMPLED;
        }
        return TraceHeader.REQUESTED.equals(written) ? SampleDecision.REQUESTED : SampleDecision.UNKNOWN;
    }

    /** One to six parts, each a known key (in some case), another field, or junk, joined by ';' with stray spaces. */
    private static String header(Random random) {
        StringBuilder header = new StringBuilder();
        int parts = 1 + random.nextInt(6);
        for (int i = 0; i < parts; i++) {
            if (i > 0) {
                header.append(';');
            }
            header.append(space(random)).append(part(random)).append(space(random));
        }
        return header.toString();
    }

    private static String part(Random random) {
        switch (random.nextInt(9)) {
            case 0:
            case 1: return key(random, "Root") + "=" + space(random) + root(random);
            case 2:
            case 3: return key(random, "Parent") + "=" + (random.nextInt(4) == 0 ? space(random) : "")
                    + (random.nextInt(5) == 0 ? "" : TraceHeaderTest.hex(random, random.nextInt(6) == 0 ? 12 : 16));
            case 4:
            case 5: return key(random, "Sampled") + "=" + (random.nextInt(6) == 0 ? space(random) : "")
                    + "10?x".charAt(random.nextInt(4)) + (random.nextInt(10) == 0 ? "1" : "");
            case 6: return (random.nextBoolean() ? "Lineage" : "Self") + "=" + TraceHeaderTest.hex(random, 8) + ":1";
            case 7: return random.nextBoolean() ? "" : "junk";
            default: return key(random, "Root") + " =" + root(random);
        }
    }

    /** The key as written, or (one time in four) in another case or with a prefix or suffix. */
    private static String key(Random random, String key) {
        switch (random.nextInt(12)) {
            case 0: return key.toLowerCase(Locale.ROOT);
            case 1: return key.toUpperCase(Locale.ROOT);
            case 2: return key + "x";
            default: return key;
        }
    }

    /** A trace id, or one the SDK does not read: upper case, short, another version or separator, extra digit. */
    private static String root(Random random) {
        String root = "1-" + TraceHeaderTest.hex(random, 8) + "-" + TraceHeaderTest.hex(random, 24);
        switch (random.nextInt(12)) {
            case 0: return root.toUpperCase(Locale.ROOT);
            case 1: return root.substring(0, 30);
            case 2: return "2" + root.substring(1);
            case 3: return root.replace('-', '_');
            case 4: return root + TraceHeaderTest.hex(random, 1);
            case 5: return "";
            default: return root;
        }
    }

    private static String space(Random random) {
        return random.nextInt(5) == 0 ? " \t".substring(random.nextInt(2)) : "";
    }
}
