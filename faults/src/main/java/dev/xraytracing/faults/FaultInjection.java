package dev.xraytracing.faults;

import dev.xraytracing.internal.config.ConfigKey;

/**
 * Fault injection that shows in the trace. With this module on a function's class path, the rules named by these
 * settings inject latency, exceptions, failing AWS SDK statuses, HTTP answers and timeouts inside the function, and
 * every injected fault is marked on the subsegment it hit ({@code FaultInjected}, {@code FaultRule},
 * {@code FaultMode}) and on the handler's subsegment. Nothing is injected unless a rule says so, and
 * {@link #KILL_SWITCH_VARIABLE} wins over every rule. The rule format: docs/fault-injection.md.
 */
public final class FaultInjection {
    /** The rules, as JSON ({@code XRAY_TRACING_FAULTS}). */
    public static final String RULES_VARIABLE = ConfigKey.FAULTS.environmentVariables().get(0);
    /** A file with more rules, in the same format ({@code XRAY_TRACING_FAULTS_FILE}). */
    public static final String RULES_FILE_VARIABLE = ConfigKey.FAULTS_FILE.environmentVariables().get(0);
    /** The seed of the percentage draws, for repeatable runs ({@code XRAY_TRACING_FAULTS_SEED}). */
    public static final String SEED_VARIABLE = ConfigKey.FAULTS_SEED.environmentVariables().get(0);
    /** {@code XRAY_TRACING_FAULTS_OFF=true} injects nothing, whatever the rules say. */
    public static final String KILL_SWITCH_VARIABLE = ConfigKey.FAULTS_OFF.environmentVariables().get(0);

    private FaultInjection() {
    }
}
