package dev.xraytracing.local.internal.explore;

import dev.xraytracing.local.app.Tolerance;
import dev.xraytracing.internal.TraceHeader;
import dev.xraytracing.local.app.LocalRunException;
import dev.xraytracing.local.internal.TraceIds;
import dev.xraytracing.trace.RecordedEntity;
import dev.xraytracing.trace.RecordedTrace;
import dev.xraytracing.trace.TraceDocuments;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The search: a baseline, the single faults of every point it reached, each on a fresh environment, then the
 * combinations LDFI asks for (a tolerated fault plus a failure of what absorbed it), within a budget of runs and time.
 * Runs whose signatures match are equivalent; only the first of each kind is extended into combinations.
 */
public final class FaultExplorer {
    /** The largest combination tried. */
    static final int MAX_FAULTS = 3;

    /**
     * Starts a fresh environment (new JVMs) that injects {@code injections}, each point's rules scoped to the trace
     * root {@code scope} gives it (null: the whole environment).
     */
    public interface Environments {
        Environment start(List<Injection> injections, Function<FaultPoint, String> scope);
    }

    /** One environment, for the baseline or one run. */
    public interface Environment extends AutoCloseable {
        /** Sends the entry once, with this trace header. */
        Answer send(String traceHeader);

        /** Every segment document so far, once the app is quiet (an asynchronous app's work done). */
        List<String> awaitDocuments();

        /** The messages that reached each dead-letter queue since the environment started; null: it runs none. */
        Hypothesis.DeadLetterQueues deadLetters();

        /**
         * What went wrong in the app's machinery so far, one line each: a function's init error, crash or timeout, an
         * event source's invocation that ended in an error. A failed run names them, so that a message dead-lettered
         * by a timeout does not read like one dead-lettered by the fault.
         */
        List<String> problems();

        @Override
        void close();
    }

    /** The entry's answer. */
    public record Answer(int status, String body) {
    }

    /**
     * How to search: the baseline's requests, the seed the rules draw with, the budget (runs after the baseline, and
     * wall time), the hypothesis (completed from the baseline), and each function's timeout.
     */
    public record Settings(int baselineRequests, long seed, int budgetRuns, Duration timeLimit, Hypothesis hypothesis,
                           Map<String, Duration> timeouts, List<String> only, List<String> skip) {
        /** Whether {@code injection} is left out: {@code only} names some and not it, or {@code skip} names it. */
        boolean skips(Injection injection) {
            return !only.isEmpty() && only.stream().noneMatch(name -> names(name, injection))
                    || skip.stream().anyMatch(name -> names(name, injection));
        }

        /** Whether {@code name} is the injection's label, its point, or its failure (with or without the function). */
        private static boolean names(String name, Injection injection) {
            String label = injection.label();
            return label.equals(name) || label.endsWith(" " + name) || label.startsWith(name + " ");
        }
    }

    /** What the search found. */
    public record Result(Hypothesis hypothesis, boolean scoped, List<FaultPoint> unscopedPoints, List<FaultPoint> points,
                         List<Injection> singleFaults,
                         List<Integer> baselineStatuses, List<String> baselineTraceIds, List<String> baselineDocuments,
                         List<ExplorationRun> runs, int extraTries, int combinationsFound, int combinationsPruned,
                         int notRun,
                         String stoppedBy, double seconds, long seed) {
    }

    private final Environments environments;
    private final Settings settings;
    private final Consumer<String> say;
    private final long started = System.nanoTime();
    private Hypothesis hypothesis;
    private RequestScope scope;
    private int baselineStatus;
    private final Set<String> baselineBodies = new HashSet<>();
    private Set<FaultPoint> baselinePoints;
    private final List<ExplorationRun> runs = new ArrayList<>();
    /** Environments started beyond one per run, to decide an unexplained verdict; they count against the budget. */
    private int extraTries;
    private String stoppedBy;

    private FaultExplorer(Environments environments, Settings settings, Consumer<String> say) {
        this.environments = environments;
        this.settings = settings;
        this.say = say;
    }

    public static Result explore(Environments environments, Settings settings, Consumer<String> say) {
        return new FaultExplorer(environments, settings, say).explore();
    }

    private Result explore() {
        List<Integer> statuses = new ArrayList<>();
        List<String> traceIds = new ArrayList<>();
        List<String> documents;
        List<RecordedTrace> traces;
        String problem;
        try (Environment baseline = environments.start(List.of(), point -> null)) {
            List<Answer> answers = new ArrayList<>();
            for (int i = 0; i < settings.baselineRequests(); i++) {
                TraceHeader header = TraceIds.newTrace();
                traceIds.add(header.root());
                answers.add(baseline.send(header.toString()));
            }
            documents = baseline.awaitDocuments();
            traces = TraceDocuments.assemble(documents);
            Hypothesis.DeadLetterQueues deadLetters = baseline.deadLetters();
            problem = settings.hypothesis().unknownQueues(deadLetters);
            if (problem == null && !settings.hypothesis().deadLetterQueues().isEmpty()) {
                problem = settings.hypothesis().deadLetterViolation(deadLetters);
                problem = problem == null ? null : "in the baseline, " + problem + "; an exploration starts from "
                        + "entries that succeed";
            }
            answers.forEach(answer -> {
                statuses.add(answer.status());
                baselineBodies.add(Bodies.canonical(answer.body()));
            });
            baselineStatus = answers.get(answers.size() - 1).status();
        }
        if (problem != null) {
            throw new LocalRunException(problem);
        }
        scope = RequestScope.of(traces, traceIds);
        hypothesis = settings.hypothesis().completedBy(baselineStatus, entryTimeout(traces).toMillis());
        for (int status : statuses) {
            if (!hypothesis.statusHolds(status)) {
                throw new LocalRunException("the baseline answered " + statuses + ", which breaks the steady-state "
                        + "hypothesis (" + hypothesis.describe() + "); an exploration starts from a request that "
                        + "succeeds");
            }
        }
        baselinePoints = new HashSet<>(FaultSpace.pointsOf(traces));
        List<FaultPoint> points = FaultSpace.pointsOf(traces);
        List<Injection> singles = FaultSpace.singleFaults(points).stream().filter(i -> !settings.skips(i)).toList();
        List<FaultPoint> unscoped = scope.unscoped(points);
        say.accept("baseline answered " + statuses + "; hypothesis: " + hypothesis.describe() + "; " + points.size()
                + " fault points, " + singles.size() + " single faults"
                + (!scope.known() ? "; the entry's trace id is not known, so rules apply to the whole (fresh) "
                + "environment" : unscoped.isEmpty() ? "; rules scoped to each run's trace id"
                : "; rules scoped to each run's trace id (or a batch linked to it), " + unscoped.size()
                + " points past the entry's traces to the whole (fresh) environment"));
        int notRun = 0;
        for (Injection single : singles) {
            if (!withinBudget()) {
                notRun++;
                continue;
            }
            run(List.of(single));
        }
        markEquivalents();
        int[] combinations = combinations();
        notRun += combinations[2];
        return new Result(hypothesis, scope.known(), unscoped, points, singles, statuses, traceIds, documents,
                List.copyOf(runs), extraTries,
                combinations[0], combinations[1], notRun, stoppedBy, (System.nanoTime() - started) / 1e9,
                settings.seed());
    }

    /** The timeout of the function the entry reaches first (the earliest function segment), 30 s if unknown. */
    private Duration entryTimeout(List<RecordedTrace> traces) {
        return traces.stream().flatMap(trace -> trace.segments().stream())
                .filter(segment -> "AWS::Lambda::Function".equals(segment.origin()))
                .min(Comparator.comparingDouble(RecordedEntity::startTime))
                .map(segment -> settings.timeouts().getOrDefault(segment.name(), Duration.ofSeconds(30)))
                .orElse(Duration.ofSeconds(30));
    }

    private boolean withinBudget() {
        if (runs.size() + extraTries >= settings.budgetRuns()) {
            stoppedBy = "the budget of " + settings.budgetRuns() + " runs";
            return false;
        }
        if (System.nanoTime() - started >= settings.timeLimit().toNanos()) {
            stoppedBy = "the time limit of " + settings.timeLimit().toSeconds() + " s";
            return false;
        }
        return true;
    }

    /** Runs the faults until {@link Tries} says the tries decide, and records the verdict. */
    private ExplorationRun run(List<Injection> injections) {
        List<ExplorationRun> tries = new ArrayList<>();
        do {
            tries.add(attempt(injections, tries.size() + 1));
        } while (!Tries.decided(tries));
        extraTries += tries.size() - 1;
        ExplorationRun run = Tries.verdict(tries);
        runs.add(run);
        return run;
    }

    private ExplorationRun attempt(List<Injection> injections, int attempt) {
        TraceHeader header = TraceIds.newTrace();
        Answer answer;
        double millis;
        List<String> documents;
        String violation;
        try (Environment environment = environments.start(injections, point -> scope.rootFor(point, header.root()))) {
            long t0 = System.nanoTime();
            answer = environment.send(header.toString());
            millis = (System.nanoTime() - t0) / 1e6;
            documents = environment.awaitDocuments();
            violation = hypothesis.violation(answer.status(), answer.body(), millis, environment.deadLetters());
            if (violation != null) {
                violation += withProblems(environment.problems());
            }
        }
        // The environment was fresh and carried only this entry's work: every trace in it is the run's, the entry's
        // own first (an asynchronous app goes on in traces linked to it).
        List<RecordedTrace> traces = new ArrayList<>(TraceDocuments.assemble(documents));
        traces.sort(Comparator.comparing(t -> !t.traceId().equals(header.root())));
        RecordedTrace trace = traces.isEmpty() ? null : traces.get(0);
        // A body that changed between the baseline's own requests (an order's id) says nothing about a fault.
        boolean sameBody = baselineBodies.size() > 1 || baselineBodies.contains(Bodies.canonical(answer.body()));
        Tolerance tolerance = violation != null ? Tolerance.FAILED
                : answer.status() == baselineStatus && sameBody ? Tolerance.TOLERATED : Tolerance.DEGRADED;
        String why = violation != null ? violation : tolerance != Tolerance.DEGRADED ? null
                : answer.status() != baselineStatus ? "answered " + answer.status() + ", the baseline " + baselineStatus
                : "answered " + answer.status() + " with another body than the baseline's";
        RecordedEntity surfaced = traces.stream().map(t -> TraceReading.surfacedAt(t, injections))
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
        ExplorationRun run = new ExplorationRun(injections, answer.status(), answer.body(), millis, tolerance, why,
                TraceReading.describe(surfaced), trace == null ? null : trace.traceId(), traces, documents,
                tolerance.word() + " " + TraceReading.signature(answer.status(), Bodies.canonical(answer.body()),
                        traces, injections), null, List.of());
        say.accept(String.format(java.util.Locale.ROOT, "run %d%s: %s -> %d %s (%.0f ms)%s%s", runs.size() + 1,
                attempt > 1 ? ", try " + attempt : "", run.label(), answer.status(), tolerance.word(), millis,
                violation != null ? ": " + violation : "", attempt == 1 && Tries.unexplained(run)
                        ? "; nothing on the faults' path failed, so it is tried again" : ""));
        return run;
    }

    /** {@code " (first problem; and 2 more)"}, or nothing when there were none. */
    static String withProblems(List<String> problems) {
        if (problems.isEmpty()) {
            return "";
        }
        int more = problems.size() - 1;
        return " (" + problems.get(0) + (more == 0 ? "" : "; and " + more + " more") + ")";
    }

    /** Marks each single-fault run whose signature an earlier one had as equivalent to that one. */
    private void markEquivalents() {
        Map<String, String> first = new LinkedHashMap<>();
        for (int i = 0; i < runs.size(); i++) {
            ExplorationRun run = runs.get(i);
            String earlier = first.putIfAbsent(run.signature(), run.label());
            if (earlier != null) {
                runs.set(i, run.equivalentTo(earlier));
            }
        }
    }

    /**
     * LDFI's combinations: each tolerated (or degraded) run that is the first of its kind adds, for every point that
     * absorbed its faults, that point's failures; combinations that survive are extended the same way, up to
     * {@link #MAX_FAULTS}. Candidates from runs equivalent to an earlier one are pruned. Returns found, pruned, and
     * left for the budget.
     */
    private int[] combinations() {
        Set<String> seen = new HashSet<>();
        List<List<Injection>> queue = new ArrayList<>();
        int pruned = 0;
        for (ExplorationRun run : List.copyOf(runs)) {
            List<List<Injection>> candidates = extensions(run);
            if (run.equivalentTo() != null) {
                for (List<Injection> candidate : candidates) {
                    if (seen.add(key(candidate))) {
                        pruned++;
                    }
                }
                continue;
            }
            candidates.stream().filter(candidate -> seen.add(key(candidate))).forEach(queue::add);
        }
        int found = queue.size();
        int notRun = 0;
        for (int i = 0; i < queue.size(); i++) {
            if (!withinBudget()) {
                notRun++;
                continue;
            }
            ExplorationRun run = run(queue.get(i));
            for (List<Injection> candidate : extensions(run)) {
                if (seen.add(key(candidate))) {
                    queue.add(candidate);
                    found++;
                }
            }
        }
        return new int[] {found, pruned, notRun};
    }

    private List<List<Injection>> extensions(ExplorationRun run) {
        List<List<Injection>> candidates = new ArrayList<>();
        if (run.tolerance() == Tolerance.FAILED || run.traces().isEmpty() || run.injections().size() >= MAX_FAULTS) {
            return candidates;
        }
        for (FaultPoint absorber : TraceReading.absorbers(run.traces(), baselinePoints, run.injections())) {
            for (Injection failure : Failures.of(absorber)) {
                if (failure.waitsForTimeout() || settings.skips(failure)) {
                    continue; // a timeout at the absorber fails it as the exception does, at the timeout's cost
                }
                List<Injection> combination = new ArrayList<>(run.injections());
                combination.add(failure);
                combination.sort(Comparator.naturalOrder());
                candidates.add(combination);
            }
        }
        return candidates;
    }

    private static String key(List<Injection> injections) {
        return injections.stream().map(Injection::label).sorted().toList().toString();
    }
}
