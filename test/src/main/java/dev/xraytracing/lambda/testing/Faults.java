package dev.xraytracing.lambda.testing;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Fault rules for a test, with a fixed seed: run a block or a handler under them and assert how the code copes.
 * The rules are given to the test's own tracer, never read from the environment, a file or AppConfig, so a test needs
 * no environment variable and shares nothing with other tests. Needs {@code xray-tracing-faults} on the test class
 * path (this kit does not bring it: functions that do not use faults never carry it); the rule format is that of
 * {@code XRAY_TRACING_FAULTS} (docs/fault-injection.md), JSON or compact. Invalid rules fail the test at once.
 *
 * <pre>{@code
 * Invocation<APIGatewayProxyResponseEvent> run = Faults.rule("sdk:Lambda.Invoke=status:429").seed(7)
 *         .run(() -> handler.handleRequest(event, TestContext.create()));
 * assertThat(run.output().getStatusCode()).isEqualTo(502);
 * // 3 attempts for a client built with retryStrategy(b -> b.maxAttempts(3)); a default client makes 4
 * assertThat(run.trace()).subsegment("Lambda").hasSdkAttempts(3).hasAnnotation("FaultInjected", true);
 *
 * // or through an invoker:
 * LambdaInvoker.of(handler).withFaults(Faults.rule("handler=http:503")).invoke(event);
 * }</pre>
 *
 * <p>A value: each method returns a new one. The seed is 0 unless {@link #seed} says otherwise, so percentages draw
 * the same way on every run.
 */
public final class Faults {
    private final List<String> rules;
    private final long seed;

    private Faults(List<String> rules, long seed) {
        this.rules = List.copyOf(rules);
        this.seed = seed;
    }

    /** These rules: JSON (an array, or an object with {@code rules}) or the compact form, as in {@code XRAY_TRACING_FAULTS}. */
    public static Faults rule(String rules) {
        return new Faults(List.of(Objects.requireNonNull(rules, "rules")), 0L);
    }

    /** These rules too, after the others (the first rule that fits a call decides it; ids must differ). */
    public Faults and(String moreRules) {
        List<String> all = new ArrayList<>(rules);
        all.add(Objects.requireNonNull(moreRules, "moreRules"));
        return new Faults(all, seed);
    }

    /** The seed of the percentage and latency-range draws. */
    public Faults seed(long drawSeed) {
        return new Faults(rules, drawSeed);
    }

    /** The rule texts, in order. */
    public List<String> rules() {
        return rules;
    }

    public long seed() {
        return seed;
    }

    /** A block that returns a value, such as {@code () -> handler.handleRequest(event, context)}. */
    @FunctionalInterface
    public interface Block<T> {
        T call() throws Exception;
    }

    /** A block that returns nothing. */
    @FunctionalInterface
    public interface VoidBlock {
        void run() throws Exception;
    }

    /**
     * Runs {@code block} once under these rules, as one sampled Lambda invocation with a tracer of its own (the
     * runtime's trace header on the thread, documents in memory and checked against X-Ray's schema), and returns
     * how it went: what it returned or threw (the same instance), and the trace.
     */
    public <T> Invocation<T> run(Block<T> block) {
        Objects.requireNonNull(block, "block");
        RequestHandler<Object, T> handler = (input, context) -> callThrowing(block);
        return LambdaInvoker.of(handler).withFaults(this).invoke(null);
    }

    /** {@link #run(Block)} for a block that returns nothing; the invocation's output is null. */
    public Invocation<Void> run(VoidBlock block) {
        Objects.requireNonNull(block, "block");
        return run(() -> {
            block.run();
            return null;
        });
    }

    private static <T> T callThrowing(Block<T> block) {
        try {
            return block.call();
        } catch (Exception thrown) {
            throw Faults.<RuntimeException>unchanged(thrown);
        }
    }

    /** Rethrows a checked exception without wrapping it, so the invocation reports the block's own instance. */
    @SuppressWarnings("unchecked")
    private static <E extends Exception> E unchanged(Exception thrown) throws E {
        throw (E) thrown;
    }

    @Override
    public String toString() {
        return "Faults" + rules + " seed " + seed;
    }
}
