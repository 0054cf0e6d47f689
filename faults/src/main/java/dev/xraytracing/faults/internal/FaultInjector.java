package dev.xraytracing.faults.internal;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.xray.entities.Entity;
import dev.xraytracing.internal.fault.FaultHook;
import dev.xraytracing.internal.log.WarnOnce;
import java.util.List;
import java.util.Random;

/** A tracer's fault hook: picks the first rule for a target, draws its percentage, acts, and records what it did. */
final class FaultInjector implements FaultHook {
    private final List<Rule> rules;
    private final Random random;
    private final WarnOnce warnings;
    /** The invocation this thread serves, for timeouts outside the handler itself. */
    private final ThreadLocal<Context> invocation = new ThreadLocal<>();

    FaultInjector(List<Rule> rules, Random random, WarnOnce warnings) {
        this.rules = rules;
        this.random = random;
        this.warnings = warnings;
    }

    @Override
    public RuntimeException beforeBlock(String name, Entity subsegment) {
        for (Rule rule : rules) {
            if (rule.targetsBlock(name)) {
                return act(rule, subsegment, name);
            }
        }
        return null;
    }

    @Override
    public SdkFault beforeSdkCall(String service, String operation, Entity subsegment) {
        for (Rule rule : rules) {
            if (rule.targetsSdk(service, operation)) {
                if (!drawn(rule, subsegment, service + "." + operation)) {
                    return null;
                }
                if (rule.mode == Rule.Mode.EXCEPTION || rule.mode == Rule.Mode.STATUS) {
                    return new SdkFault() {
                        @Override
                        public RuntimeException attemptFailure() {
                            return SdkExceptions.of(rule, service);
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
        for (Rule rule : rules) {
            if (rule.kind == Rule.Kind.HANDLER) {
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
