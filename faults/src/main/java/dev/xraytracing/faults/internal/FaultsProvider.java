package dev.xraytracing.faults.internal;

import dev.xraytracing.internal.TracerCore;
import dev.xraytracing.internal.config.ConfigKey;
import dev.xraytracing.internal.fault.FaultHook;
import java.util.List;
import java.util.Random;

/** Found by {@link java.util.ServiceLoader}: gives a tracer a fault injector when its configuration names rules. */
public final class FaultsProvider implements FaultHook.Provider {
    @Override
    public FaultHook create(TracerCore core) {
        List<Rule> rules = RuleSources.read(core.configuration(), core.warnings());
        if (rules.isEmpty()) {
            return null;
        }
        String seed = core.configuration().value(ConfigKey.FAULTS_SEED);
        Random random;
        try {
            random = seed == null ? new Random() : new Random(Long.parseLong(seed.trim()));
        } catch (NumberFormatException e) {
            core.warnings().warn("faults:seed", "XRAY_TRACING_FAULTS_SEED is no number; draws are random: " + seed);
            random = new Random();
        }
        return new FaultInjector(rules, random, core.warnings());
    }
}
