package dev.xraytracing.faults.internal;

import dev.xraytracing.internal.TracerCore;
import dev.xraytracing.internal.config.ConfigKey;
import dev.xraytracing.internal.fault.FaultHook;
import dev.xraytracing.internal.fault.GivenFaultRules;
import java.util.List;
import java.util.Random;

/**
 * Found by {@link java.util.ServiceLoader}: gives a tracer a fault injector when it was given rules in code
 * ({@link GivenFaultRules}) or its configuration names some.
 */
public final class FaultsProvider implements FaultHook.Provider {
    @Override
    public FaultHook create(TracerCore core) {
        if ("true".equalsIgnoreCase(core.configuration().value(ConfigKey.FAULTS_OFF))) {
            return null;
        }
        GivenFaultRules given = GivenFaultRules.of(core);
        if (given != null) {
            // Rules given in code (the test kit) replace every configured source, AppConfig included.
            List<Rule> rules = RuleSources.read(given, core.warnings());
            return rules.isEmpty() ? null : new FaultInjector(rules, new Random(given.seed()), core.warnings());
        }
        if (!anyRuleSource(core)) {
            return null; // decided from the settings alone: a cold start without rules reads and parses nothing
        }
        List<Rule> rules = RuleSources.read(core.configuration(), core.warnings());
        AppConfigRules appConfig = appConfig(core);
        if (rules.isEmpty() && appConfig == null) {
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
        return new FaultInjector(rules, appConfig, random, core.warnings());
    }

    /**
     * Whether the configuration names any source of rules. Here and not in {@link RuleSources}: loading that class
     * would load the Jackson exceptions its catch clauses name.
     */
    private static boolean anyRuleSource(TracerCore core) {
        for (ConfigKey source : new ConfigKey[] {ConfigKey.FAULTS, ConfigKey.FAULTS_FILE, ConfigKey.FAULTS_APPCONFIG}) {
            String value = core.configuration().value(source);
            if (value != null && !value.isBlank()) {
                return true;
            }
        }
        return false;
    }

    private static AppConfigRules appConfig(TracerCore core) {
        String location = core.configuration().value(ConfigKey.FAULTS_APPCONFIG);
        if (location == null || location.isBlank()) {
            return null;
        }
        try {
            String port = core.configuration().value(ConfigKey.APPCONFIG_EXTENSION_PORT);
            String poll = core.configuration().value(ConfigKey.FAULTS_APPCONFIG_POLL_SECONDS);
            return new AppConfigRules(location, port == null ? 2772 : Integer.parseInt(port.trim()),
                    (poll == null ? 30 : Long.parseLong(poll.trim())) * 1000L, System::currentTimeMillis,
                    core.warnings());
        } catch (RuntimeException invalid) {
            core.warnings().warn("faults:appconfig:settings", "the AppConfig fault source is off: " + invalid.getMessage());
            return null;
        }
    }
}
