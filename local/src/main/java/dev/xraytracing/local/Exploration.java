package dev.xraytracing.local;

import dev.xraytracing.local.internal.explore.ExplorationReport;
import dev.xraytracing.local.internal.explore.ExplorationRun;
import dev.xraytracing.local.internal.explore.FaultExplorer;
import dev.xraytracing.local.internal.explore.Injection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What an exploration found: every run as a {@link ExplorationFinding}, the report in its three forms, and the documents. */
public final class Exploration {
    private final FaultExplorer.Result result;
    private final ExplorationReport report;
    private final List<ExplorationFinding> findings;

    Exploration(FaultExplorer.Result result, String title) {
        this.result = result;
        this.report = new ExplorationReport(result, title);
        List<ExplorationFinding> all = new ArrayList<>();
        for (ExplorationRun run : result.runs()) {
            all.add(new ExplorationFinding(run.label(), run.injections().stream().map(Injection::label).toList(),
                    run.tolerance(), run.status(), run.why(), run.surfacedAt(), run.traceId(),
                    run.replay(result.seed()), run.equivalentTo(), run.tries()));
        }
        this.findings = List.copyOf(all);
    }

    public List<ExplorationFinding> findings() {
        return findings;
    }

    public List<ExplorationFinding> singleFaults() {
        return findings.stream().filter(ExplorationFinding::singleFault).toList();
    }

    public List<ExplorationFinding> combinations() {
        return findings.stream().filter(finding -> !finding.singleFault()).toList();
    }

    /** The run of exactly this label ({@code MyFirstLambda sdk:Lambda.Invoke throttle}). */
    public Optional<ExplorationFinding> finding(String label) {
        return findings.stream().filter(finding -> finding.label().equals(label)).findFirst();
    }

    /** The fault points the baseline reached ({@code MyFirstLambda sdk:Lambda.Invoke}). */
    public List<String> points() {
        return result.points().stream().map(point -> point.label()).toList();
    }

    /** How many single faults the space holds, run or not. */
    public int singleFaultsInSpace() {
        return result.singleFaults().size();
    }

    /** The steady-state hypothesis as it was applied ({@code 2xx within 30000 ms}). */
    public String hypothesis() {
        return result.hypothesis().describe();
    }

    /** Whether the rules were scoped to each run's trace id. */
    public boolean scopedToTrace() {
        return result.scoped();
    }

    /** Every segment document: the baseline's, then each run's. */
    public List<String> documents() {
        List<String> documents = new ArrayList<>(result.baselineDocuments());
        result.runs().forEach(run -> documents.addAll(run.documents()));
        return documents;
    }

    /** How long it took, baseline included. */
    public double seconds() {
        return result.seconds();
    }

    public String text() {
        return report.text();
    }

    /** The coverage and pruning line of {@link #text()}. */
    public String coverage() {
        return report.coverage();
    }

    public String json() {
        return report.json();
    }

    public String htmlSection() {
        return report.htmlSection();
    }

    @Override
    public String toString() {
        return report.text();
    }
}
