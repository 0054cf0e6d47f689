package dev.xraytracing.internal.fault;

import dev.xraytracing.internal.TracerCore;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Fault rules handed to one tracer in code (the test kit's {@code Faults}), in place of the rule sources its
 * configuration names: no environment variable, file or AppConfig is read for that tracer, and the draws use the
 * given seed. The configuration's kill switch still wins. The faults module reads them when it builds the tracer's
 * hook, and reports here each rule it could not use, so that a test fails on a typo instead of injecting nothing.
 */
public final class GivenFaultRules {
    private final List<String> texts;
    private final long seed;
    private final List<String> problems = new CopyOnWriteArrayList<>();

    private GivenFaultRules(List<String> texts, long seed) {
        this.texts = List.copyOf(texts);
        this.seed = seed;
    }

    /** Each text as {@code XRAY_TRACING_FAULTS} would hold it: JSON or the compact form. */
    public List<String> texts() {
        return texts;
    }

    public long seed() {
        return seed;
    }

    /** Called by the faults module for each rule or text it could not use. */
    public void reject(String problem) {
        problems.add(problem);
    }

    /** The rules {@code core} was given in code, or null when it reads its configuration's. */
    public static GivenFaultRules of(TracerCore core) {
        return core.existingComponent(GivenFaultRules.class);
    }

    /**
     * Gives {@code core} these rules and builds its fault hook at once, so that what is wrong shows here and not as
     * a fault that silently never happens: {@link IllegalStateException} without the faults module, when the tracer
     * was given rules or asked for its hook already, or when its kill switch is on; {@link IllegalArgumentException}
     * naming every rule that cannot be used.
     */
    public static void install(TracerCore core, List<String> texts, long seed) {
        Objects.requireNonNull(core, "core");
        if (!FaultSite.PRESENT) {
            throw new IllegalStateException("fault rules need xray-tracing-faults on the class path "
                    + "(add it with test scope)");
        }
        if (core.faultHookDecided()) {
            throw new IllegalStateException("this tracer built its fault hook already; give it rules right after "
                    + "building it");
        }
        GivenFaultRules given = new GivenFaultRules(texts, seed);
        if (core.component(GivenFaultRules.class, () -> given) != given) {
            throw new IllegalStateException("this tracer was given fault rules already");
        }
        FaultHook hook = FaultSite.hook(core);
        if (!given.problems.isEmpty()) {
            throw new IllegalArgumentException("invalid fault rules: " + String.join("; ", given.problems));
        }
        if (hook == null) {
            throw new IllegalStateException("no fault hook for the given rules " + texts + ": the tracer's kill "
                    + "switch (XRAY_TRACING_FAULTS_OFF) is on, or they hold no rule");
        }
    }

    /** What {@link #reject} collected, for the faults module's own checks. */
    public List<String> problems() {
        return new ArrayList<>(problems);
    }
}
