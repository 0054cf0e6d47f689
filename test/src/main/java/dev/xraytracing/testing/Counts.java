package dev.xraytracing.testing;

/** Counts in failure messages: "1 trace", "2 traces", "1 does not", "2 do not". */
final class Counts {
    private Counts() {
    }

    static String of(long count, String singular, String plural) {
        return count + " " + (count == 1 ? singular : plural);
    }
}
