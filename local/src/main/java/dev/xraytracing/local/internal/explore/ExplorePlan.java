package dev.xraytracing.local.internal.explore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.xraytracing.local.app.LocalRunException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * An explore file ({@code LocalRun --explore FILE}): the steady-state hypothesis, how many baseline requests, the seed,
 * the budget (runs and seconds), the faults to explore only ({@code only}) and those to leave out ({@code skip}), each
 * named as a failure, a point, or one fault's label. Every field is optional; without a file, all are defaults.
 */
public record ExplorePlan(Hypothesis hypothesis, int baselineRequests, long seed, int budgetRuns,
                          Duration timeLimit, List<String> only, List<String> skip) {
    static final int BASELINE_REQUESTS = 3;
    static final long SEED = 7;
    static final int BUDGET_RUNS = 100;
    static final Duration TIME_LIMIT = Duration.ofMinutes(15);
    private static final Set<String> FIELDS = Set.of("hypothesis", "baselineRequests", "seed", "budget",
            "timeLimitSeconds", "only", "skip");

    public ExplorePlan {
        only = List.copyOf(only);
        skip = List.copyOf(skip);
    }
    private static final ObjectMapper JSON = new ObjectMapper();

    public static ExplorePlan defaults() {
        return new ExplorePlan(Hypothesis.baseline(), BASELINE_REQUESTS, SEED, BUDGET_RUNS, TIME_LIMIT, List.of(), List.of());
    }

    /** The plan of {@code file}, or the defaults for null; a mistake is one line naming the field. */
    public static ExplorePlan read(Path file) {
        if (file == null) {
            return defaults();
        }
        try {
            return parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new LocalRunException("cannot read the explore file " + file + ": " + e.getMessage());
        }
    }

    public static ExplorePlan parse(String text, String source) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (IOException e) {
            throw new LocalRunException("the explore file " + source + " is not JSON: "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
        if (root == null || !root.isObject()) {
            throw new LocalRunException("the explore file " + source + " must hold a JSON object");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new LocalRunException("the explore file " + source + " has an unknown field '" + name
                        + "' (known: hypothesis, baselineRequests, seed, budget, timeLimitSeconds, only, skip)");
            }
        }
        List<String> only = names(root, "only", source);
        List<String> skip = names(root, "skip", source);
        return new ExplorePlan(Hypothesis.parse(root, source),
                (int) number(root, "baselineRequests", BASELINE_REQUESTS, source),
                number(root, "seed", SEED, source), (int) number(root, "budget", BUDGET_RUNS, source),
                Duration.ofSeconds(number(root, "timeLimitSeconds", TIME_LIMIT.toSeconds(), source)), only, skip);
    }

    /** This plan with another budget of runs ({@code --budget}). */
    public ExplorePlan withBudget(int runs) {
        return new ExplorePlan(hypothesis, baselineRequests, seed, runs, timeLimit, only, skip);
    }

    /** The faults a field names (an array of texts), empty when it is absent. */
    private static List<String> names(JsonNode root, String field, String source) {
        List<String> names = new ArrayList<>();
        JsonNode node = root.get(field);
        if (node != null) {
            if (!node.isArray()) {
                throw new LocalRunException(source + ": '" + field + "' wants an array of faults, such as "
                        + "[\"timeout\", \"MyFirstLambda sdk:Lambda.Invoke\", "
                        + "\"MyFirstLambda sdk:Lambda.Invoke slow\"]");
            }
            node.forEach(fault -> names.add(fault.asText()));
        }
        return names;
    }

    private static long number(JsonNode root, String field, long fallback, String source) {
        JsonNode value = root.get(field);
        if (value == null) {
            return fallback;
        }
        if (!value.isIntegralNumber() || value.asLong() < 1 || value.asLong() > Integer.MAX_VALUE) {
            throw new LocalRunException(source + ": '" + field + "' wants a positive whole number, got " + value);
        }
        return value.asLong();
    }
}
