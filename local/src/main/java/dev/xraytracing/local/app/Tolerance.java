package dev.xraytracing.local.app;

/** How a request fared under its faults, judged by the steady-state hypothesis and the baseline's answer. */
public enum Tolerance {
    /** The hypothesis held and the answer is the baseline's (status and body). */
    TOLERATED,
    /** The hypothesis held, but the answer differs from the baseline's. */
    DEGRADED,
    /** The hypothesis did not hold. */
    FAILED;

    /** How the report writes it. */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
