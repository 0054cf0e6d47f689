package dev.xraytracing.local;

import dev.xraytracing.local.LocalPlatform;
import dev.xraytracing.local.app.LocalFunction;
import dev.xraytracing.local.app.LocalRunException;
import dev.xraytracing.local.internal.explore.ExplorePlan;
import dev.xraytracing.local.internal.explore.FaultExplorer;
import dev.xraytracing.local.internal.lambda.DefaultClasspath;
import dev.xraytracing.local.internal.lambda.FaultsModule;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Explores the faults an app's request can take, on the local platform: what {@code LocalRun --explore} runs, for
 * tests. Give it the functions and how to build their platform (new JVMs for each run), the entry, and optionally an
 * explore file (hypothesis, baseline requests, seed, budget); {@link #explore()} runs the search.
 *
 * <pre>{@code
 * Exploration exploration = Explorer.of(setup.functions(), () -> LocalPlatform.builder().template(setup))
 *         .entry(ExplorationEntry.apiRequest("GET", "/hello", null)).explore();
 * }</pre>
 */
public final class Explorer {
    private final List<LocalFunction> functions;
    private final Supplier<LocalPlatform.Builder> platforms;
    private String classpath = DefaultClasspath.detect();
    private ExplorationEntry entry;
    private ExplorePlan plan = ExplorePlan.defaults();
    private String title = "the app";
    private Consumer<String> output = line -> { };

    private Explorer(List<LocalFunction> functions, Supplier<LocalPlatform.Builder> platforms) {
        this.functions = List.copyOf(functions);
        this.platforms = Objects.requireNonNull(platforms, "platforms");
    }

    /** {@code platforms} builds a platform of {@code functions} (the same instances), not started. */
    public static Explorer of(List<LocalFunction> functions, Supplier<LocalPlatform.Builder> platforms) {
        return new Explorer(functions, platforms);
    }

    public Explorer entry(ExplorationEntry entry) {
        this.entry = entry;
        return this;
    }

    /** An explore file (docs/fault-injection.md); null keeps the defaults. */
    public Explorer file(Path exploreFile) {
        this.plan = ExplorePlan.read(exploreFile);
        return this;
    }

    /** An explore file's JSON, as text. */
    public Explorer settings(String exploreJson) {
        this.plan = ExplorePlan.parse(exploreJson, "the explore settings");
        return this;
    }

    /** At most this many runs after the baseline. */
    public Explorer budget(int runs) {
        this.plan = plan.withBudget(runs);
        return this;
    }

    /** Where functions lacking xray-tracing-faults get it from (default: this JVM's class path). */
    public Explorer classpath(String classpath) {
        this.classpath = classpath;
        return this;
    }

    /** What the report's title names. */
    public Explorer title(String title) {
        this.title = title;
        return this;
    }

    /** Where the progress lines go (default: nowhere). */
    public Explorer output(Consumer<String> output) {
        this.output = output;
        return this;
    }

    Explorer plan(ExplorePlan plan) {
        this.plan = plan;
        return this;
    }

    public Exploration explore() {
        if (entry == null) {
            throw new IllegalStateException("no entry: call entry(...) first");
        }
        List<LocalFunction> ready = FaultsModule.prepare(functions, classpath, FaultsModule.onThisClasspath(classpath),
                output);
        if (ready.isEmpty()) {
            throw new LocalRunException("no function has xray-tracing-faults, so no fault can be injected into its "
                    + "code; add the dependency dev.xraytracing:xray-tracing-faults");
        }
        Map<String, Duration> timeouts = new LinkedHashMap<>();
        functions.forEach(function -> timeouts.put(function.name(), function.timeout()));
        FaultExplorer.Result result = FaultExplorer.explore(
                new PlatformEnvironments(platforms, ready, entry, plan.seed(), output),
                new FaultExplorer.Settings(plan.baselineRequests(), plan.seed(), plan.budgetRuns(), plan.timeLimit(),
                        plan.hypothesis(), timeouts, plan.only(), plan.skip()), output);
        return new Exploration(result, title);
    }
}
