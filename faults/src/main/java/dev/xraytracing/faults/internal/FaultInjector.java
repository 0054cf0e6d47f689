package dev.xraytracing.faults.internal;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.xray.entities.Entity;
import dev.xraytracing.internal.fault.BlockFaultFilter;
import dev.xraytracing.internal.fault.FaultHook;
import dev.xraytracing.internal.log.WarnOnce;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** A tracer's fault hook: picks the first rule for a target, draws its percentage, acts, and records what it did. */
final class FaultInjector implements FaultHook {
    private final List<Rule> fixedRules;
    /** Rules from AppConfig, null without that source; read again at each handler start. */
    private final AppConfigRules appConfig;
    /** The rules in force, split by target kind once, so a site that no rule targets looks at an empty array. */
    private volatile Rules rules;
    /**
     * The hash codes of the block names the rules target (null when one targets every block): an unsampled
     * {@code Tracing.sub} takes a few nanoseconds, and a block no rule names must cost as little as possible, so
     * that case is decided here, in as few dependent memory loads as we can, before any rule is looked at.
     */
    private volatile int[] blockNameHashes;
    private final Random random;
    private final WarnOnce warnings;
    /** The invocation this thread serves, for timeouts outside the handler itself. */
    private final ThreadLocal<Context> invocation = new ThreadLocal<>();
    /**
     * The rules with a {@code match} whose match this thread's invocation event passed, decided once in
     * {@link #beforeHandler}: SDK and block sites do not see the event. Outside a handler no such rule applies.
     */
    private final ThreadLocal<Set<Rule>> matched = new ThreadLocal<>();
    /** The trace roots this thread's invocation event links to (an SQS batch's producers), for trace-id matches. */
    private final ThreadLocal<Set<String>> linkedRoots = new ThreadLocal<>();
    private static final ObjectMapper EVENTS = new ObjectMapper();

    FaultInjector(List<Rule> rules, Random random, WarnOnce warnings) {
        this(rules, null, random, warnings);
    }

    FaultInjector(List<Rule> rules, AppConfigRules appConfig, Random random, WarnOnce warnings) {
        this.fixedRules = rules;
        this.appConfig = appConfig;
        this.random = random;
        this.warnings = warnings;
        use(rules);
    }

    private void use(List<Rule> current) {
        Rules split = new Rules(current);
        rules = split;
        blockNameHashes = java.util.Arrays.stream(split.blocks).anyMatch(rule -> rule.block.equals("*")) ? null
                : java.util.Arrays.stream(split.blocks).mapToInt(rule -> rule.block.hashCode()).distinct().toArray();
    }

    /** Whether no rule can target block {@code name}: the fast answer for the common case. */
    private boolean noRuleNames(String name) {
        int[] hashes = blockNameHashes;
        return hashes != null && !BlockFaultFilter.namesHashOf(hashes, name);
    }

    /** One snapshot of the rules, read with one volatile load per site. */
    private static final class Rules {
        final Rule[] all;
        final Rule[] blocks;
        final Rule[] sdkCalls;
        final Rule[] handler;
        final boolean anyMatch;
        /** Whether some rule's match reads the event: only then is the event read. */
        final boolean anyReadsEvent;
        /** Whether some rule's match names a trace: then the event is read for the traces it links to. */
        final boolean anyReadsLinks;

        Rules(List<Rule> rules) {
            all = rules.toArray(new Rule[0]);
            blocks = rules.stream().filter(rule -> rule.kind == Rule.Kind.BLOCK).toArray(Rule[]::new);
            sdkCalls = rules.stream().filter(rule -> rule.kind == Rule.Kind.SDK).toArray(Rule[]::new);
            handler = rules.stream().filter(rule -> rule.kind == Rule.Kind.HANDLER).toArray(Rule[]::new);
            anyMatch = rules.stream().anyMatch(rule -> rule.match != null);
            anyReadsEvent = rules.stream().anyMatch(rule -> rule.match != null && rule.match.readsEvent());
            anyReadsLinks = rules.stream().anyMatch(rule -> rule.match != null && rule.match.readsLinks());
        }
    }

    /** Takes AppConfig's current rules after the fixed ones (a fixed rule's id wins). */
    private void refresh() {
        if (appConfig == null) {
            return;
        }
        List<Rule> served = appConfig.current();
        java.util.Set<String> ids = new HashSet<>();
        List<Rule> combined = new java.util.ArrayList<>(fixedRules);
        fixedRules.forEach(rule -> ids.add(rule.id));
        for (Rule rule : served) {
            if (ids.add(rule.id)) {
                combined.add(rule);
            }
        }
        use(List.copyOf(combined));
    }

    /**
     * Whether {@code rule} applies to this thread's invocation (always, without a match). A trace-id match is decided
     * at the site, from the trace {@code site} belongs to, so it applies in handlers that are not traced too (no
     * {@link #beforeHandler} decided it); an event match was decided when the handler started.
     */
    private boolean applies(Rule rule, Entity site) {
        if (rule.match == null) {
            return true;
        }
        if (!rule.match.readsEvent()) {
            Set<String> linked = linkedRoots.get();
            return rule.match.matchesTrace(InvocationTrace.rootOf(site), linked == null ? Set.of() : linked);
        }
        Set<Rule> passed = matched.get();
        return passed != null && passed.contains(rule);
    }

    private Set<Rule> decideMatches(Object event) {
        JsonNode tree = null;
        try {
            tree = event == null || !(rules.anyReadsEvent || rules.anyReadsLinks) ? null : EVENTS.valueToTree(event);
        } catch (RuntimeException unreadable) {
            warnings.warn("faults:event:" + event.getClass().getName(), "the event type " + event.getClass().getName()
                    + " cannot be read as JSON; fault rules with a match do not apply to it: "
                    + RuleSources.oneLine(unreadable.getMessage()));
        }
        linkedRoots.set(rules.anyReadsLinks ? LinkedTraces.rootsIn(tree) : Set.of());
        Set<Rule> passed = new HashSet<>();
        for (Rule rule : rules.all) {
            if (rule.match != null && rule.match.readsEvent() && rule.match.matches(tree, null)) {
                passed.add(rule);
            }
        }
        return passed;
    }

    @Override
    public boolean mayFaultBlocks() {
        return appConfig != null || rules.blocks.length > 0; // AppConfig may serve block rules later
    }

    @Override
    public int[] blockNameHashes() {
        int[] hashes = blockNameHashes;
        return appConfig != null || hashes == null ? null : hashes.clone(); // AppConfig may change the rules
    }

    @Override
    public RuntimeException beforeBlock(String name, Entity subsegment) {
        if (noRuleNames(name)) {
            return null;
        }
        for (Rule rule : rules.blocks) {
            if (rule.targetsBlock(name) && applies(rule, subsegment)) {
                return act(rule, subsegment, name);
            }
        }
        return null;
    }

    @Override
    public SdkFault beforeSdkCall(String service, String operation, Class<?> requestType, Entity subsegment) {
        for (Rule rule : rules.sdkCalls) {
            if (rule.targetsSdk(service, operation) && applies(rule, subsegment)) {
                if (!drawn(rule, subsegment, service + "." + operation)) {
                    return null;
                }
                if (rule.mode == Rule.Mode.EXCEPTION || rule.mode == Rule.Mode.STATUS) {
                    SdkExceptions.Maker exceptions = SdkExceptions.maker(rule, service, requestType, warnings);
                    return new SdkFault() {
                        @Override
                        public RuntimeException attemptFailure() {
                            return exceptions.attemptFailure();
                        }

                        @Override
                        public int status() {
                            return rule.status;
                        }
                    };
                }
                delay(rule, subsegment);
                return null;
            }
        }
        return null;
    }

    @Override
    public HandlerFault beforeHandler(Object event, Object lambdaContext, Entity handlerSubsegment) {
        if (lambdaContext instanceof Context) {
            invocation.set((Context) lambdaContext);
        }
        refresh();
        if (rules.anyMatch) {
            matched.set(decideMatches(event));
        }
        for (Rule rule : rules.handler) {
            if (applies(rule, handlerSubsegment)) {
                if (rule.mode == Rule.Mode.HTTP) {
                    return drawn(rule, handlerSubsegment, "handler")
                            ? new HandlerFault(null, HttpAnswers.of(rule, event)) : null;
                }
                RuntimeException thrown = act(rule, handlerSubsegment, "handler");
                return thrown == null ? null : new HandlerFault(thrown, null);
            }
        }
        return null;
    }

    @Override
    public void afterHandler() {
        invocation.remove();
        matched.remove();
        linkedRoots.remove();
    }

    /** Draws {@code rule} for a block or the handler and acts: the exception to throw, else null (after any sleep). */
    private RuntimeException act(Rule rule, Entity subsegment, String where) {
        if (!drawn(rule, subsegment, where)) {
            return null;
        }
        if (rule.mode == Rule.Mode.EXCEPTION) {
            return UserExceptions.of(rule, warnings);
        }
        delay(rule, subsegment);
        return null;
    }

    /** Whether {@code rule} fires now; records it (injected or dry run) when it does. */
    private boolean drawn(Rule rule, Entity subsegment, String where) {
        boolean fires;
        synchronized (random) {
            fires = rule.percentage >= 100 || random.nextDouble() * 100 < rule.percentage;
        }
        if (!fires) {
            return false;
        }
        FaultRecording.mark(rule, subsegment, where, warnings);
        return !rule.dryRun;
    }

    private void delay(Rule rule, Entity subsegment) {
        long millis;
        if (rule.mode == Rule.Mode.TIMEOUT) {
            Context context = invocation.get();
            millis = context != null ? context.getRemainingTimeInMillis() + 1_000L : 900_000L;
        } else if (rule.mode == Rule.Mode.LATENCY) {
            synchronized (random) {
                millis = rule.minMs + (rule.maxMs > rule.minMs ? (long) (random.nextDouble() * (rule.maxMs - rule.minMs + 1)) : 0);
            }
        } else {
            return;
        }
        FaultRecording.sleep(rule, millis, subsegment, warnings);
    }
}
