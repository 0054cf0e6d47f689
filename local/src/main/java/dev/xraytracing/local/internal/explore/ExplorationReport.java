package dev.xraytracing.local.internal.explore;

import dev.xraytracing.local.app.Tolerance;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The exploration's report: the matrix (fault point by failure: tolerated, degraded, failed), each finding with
 * where it surfaced and what replays it, the combinations, coverage and pruning; as text for the terminal, JSON for
 * CI and a section of the HTML console whose cells link to their traces.
 */
public final class ExplorationReport {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final FaultExplorer.Result result;
    private final String title;

    public ExplorationReport(FaultExplorer.Result result, String title) {
        this.result = result;
        this.title = title;
    }

    /** The failure names in the order of the matrix's columns. */
    private List<String> failures() {
        Set<String> names = new LinkedHashSet<>();
        result.singleFaults().forEach(injection -> names.add(injection.failure()));
        return new ArrayList<>(names);
    }

    /** The single-fault runs by label. */
    private Map<String, ExplorationRun> singles() {
        Map<String, ExplorationRun> singles = new LinkedHashMap<>();
        result.runs().stream().filter(ExplorationRun::single).forEach(run -> singles.put(run.label(), run));
        return singles;
    }

    private List<ExplorationRun> combinations() {
        return result.runs().stream().filter(run -> !run.single()).toList();
    }

    public String text() {
        StringBuilder out = new StringBuilder();
        String nl = System.lineSeparator();
        out.append("exploration: ").append(title).append(nl);
        out.append("hypothesis: ").append(result.hypothesis().describe()).append(nl);
        out.append("baseline: ").append(result.baselineStatuses()).append(nl);
        List<String> failures = failures();
        int width = Math.max(20, result.points().stream().mapToInt(p -> p.label().length()).max().orElse(0));
        int column = Math.max(10, failures.stream().mapToInt(String::length).max().orElse(0));
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-" + width + "s", "fault point"));
        failures.forEach(f -> head.append("  ").append(String.format(Locale.ROOT, "%-" + column + "s", f)));
        out.append(nl).append(head.toString().stripTrailing()).append(nl);
        Map<String, ExplorationRun> singles = singles();
        for (FaultPoint point : result.points()) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-" + width + "s", point.label()));
            List<String> own = Failures.of(point).stream().map(Injection::failure).toList();
            for (String failure : failures) {
                String label = point.label() + " " + failure;
                ExplorationRun run = singles.get(label);
                String cell = !own.contains(failure) ? "." : !inSpace(label) ? "skipped" : run == null ? "not run"
                        : run.tolerance().word();
                row.append("  ").append(String.format(Locale.ROOT, "%-" + column + "s", cell));
            }
            out.append(row.toString().stripTrailing()).append(nl);
        }
        out.append(nl).append("findings (each replays with LocalRun and the rule's seed):").append(nl);
        for (ExplorationRun run : result.runs()) {
            if (run.tolerance() == Tolerance.TOLERATED && run.tries().isEmpty()) {
                continue;
            }
            out.append("  ").append(run.tolerance().word().toUpperCase(Locale.ROOT)).append(' ').append(run.label());
            if (run.tolerance() != Tolerance.TOLERATED) {
                out.append(": ").append(run.why());
                out.append(run.surfacedAt() != null ? "; surfaced at " + run.surfacedAt()
                        : "; surfaced nowhere in the trace");
            }
            if (!run.tries().isEmpty()) {
                out.append(run.tolerance() == Tolerance.TOLERATED ? ": " : "; ").append(Tries.summary(run));
            }
            if (run.equivalentTo() != null) {
                out.append(" (same as ").append(run.equivalentTo()).append(')');
            }
            out.append(nl).append("    replay: ").append(run.replay(result.seed())).append(nl);
        }
        List<ExplorationRun> combinations = combinations();
        out.append(nl).append("combinations (LDFI: a tolerated fault plus a failure of what absorbed it): ")
                .append(combinations.isEmpty() ? "none" : "").append(nl);
        combinations.forEach(run -> out.append("  ").append(run.label()).append(" -> ").append(run.status())
                .append(' ').append(run.tolerance().word()).append(nl));
        out.append(coverage()).append(nl);
        return out.toString();
    }

    /** Coverage and pruning, one line. */
    public String coverage() {
        long singlesRun = result.runs().stream().filter(ExplorationRun::single).count();
        long equivalent = result.runs().stream().filter(r -> r.single() && r.equivalentTo() != null).count();
        return String.format(Locale.ROOT, "coverage: %d of %d single faults at %d points, %d of %d combinations run;"
                        + " pruning: %d single faults equivalent to an earlier one, %d combinations pruned; %d runs%s in"
                        + " %.1f s%s", singlesRun, result.singleFaults().size(), result.points().size(),
                combinations().size(), result.combinationsFound(), equivalent, result.combinationsPruned(),
                result.runs().size(), result.extraTries() == 0 ? "" : result.extraTries() == 1
                        ? " (and 1 more try of an unexplained verdict)"
                        : " (and " + result.extraTries() + " more tries of unexplained verdicts)", result.seconds(),
                result.stoppedBy() == null ? "" : "; " + result.notRun() + " not run: stopped by " + result.stoppedBy());
    }

    public String json() {
        ObjectNode root = JSON.createObjectNode();
        root.put("title", title);
        root.put("hypothesis", result.hypothesis().describe());
        root.put("scopedToTrace", result.scoped());
        ArrayNode unscoped = root.putArray("pointsScopedToTheEnvironment");
        result.unscopedPoints().forEach(point -> unscoped.add(point.label()));
        root.put("seed", result.seed());
        ObjectNode baseline = root.putObject("baseline");
        result.baselineStatuses().forEach(baseline.putArray("statuses")::add);
        result.baselineTraceIds().forEach(baseline.putArray("traceIds")::add);
        ArrayNode points = root.putArray("points");
        result.points().forEach(point -> points.addObject().put("function", point.function())
                .put("target", point.target()).put("kind", point.kind().name().toLowerCase(Locale.ROOT)));
        ArrayNode runs = root.putArray("runs");
        for (ExplorationRun run : result.runs()) {
            ObjectNode node = runs.addObject();
            ArrayNode faults = node.putArray("faults");
            run.injections().forEach(injection -> faults.add(injection.label()));
            node.put("label", run.label()).put("verdict", run.tolerance().word()).put("status", run.status())
                    .put("latencyMs", Math.round(run.latencyMillis())).put("why", run.why())
                    .put("surfacedAt", run.surfacedAt()).put("traceId", run.traceId())
                    .put("replay", run.replay(result.seed())).put("equivalentTo", run.equivalentTo());
            run.tries().forEach(node.putArray("tries")::add);
        }
        ObjectNode coverage = root.putObject("coverage");
        coverage.put("singleFaults", result.singleFaults().size())
                .put("singleFaultsRun", result.runs().stream().filter(ExplorationRun::single).count())
                .put("combinationsFound", result.combinationsFound())
                .put("combinationsRun", combinations().size())
                .put("combinationsPruned", result.combinationsPruned())
                .put("equivalentSingleFaults", result.runs().stream()
                        .filter(r -> r.single() && r.equivalentTo() != null).count())
                .put("notRun", result.notRun()).put("stoppedBy", result.stoppedBy())
                .put("runs", result.runs().size()).put("extraTries", result.extraTries())
                .put("seconds", Math.round(result.seconds() * 10) / 10.0);
        return root.toPrettyString();
    }

    /** The matrix as a section above the console: each cell links to its run's trace ({@code #trace=ID}). */
    public String htmlSection() {
        StringBuilder html = new StringBuilder("<section id=\"exploration\" class=\"experiment exploration\">")
                .append("<h2>Fault exploration</h2>\n<p>Hypothesis: ").append(escape(result.hypothesis().describe()))
                .append(". Baseline answered ").append(escape(result.baselineStatuses().toString())).append(".</p>\n")
                .append("<table class=\"kv exploration-matrix\"><thead><tr><th>fault point</th>");
        List<String> failures = failures();
        failures.forEach(f -> html.append("<th>").append(escape(f)).append("</th>"));
        html.append("</tr></thead><tbody>\n");
        Map<String, ExplorationRun> singles = singles();
        for (FaultPoint point : result.points()) {
            html.append("<tr><th>").append(escape(point.label())).append("</th>");
            List<String> own = Failures.of(point).stream().map(Injection::failure).toList();
            for (String failure : failures) {
                String label = point.label() + " " + failure;
                html.append(cell(singles.get(label), own.contains(failure), inSpace(label)));
            }
            html.append("</tr>\n");
        }
        html.append("</tbody></table>\n");
        List<ExplorationRun> combinations = combinations();
        if (!combinations.isEmpty()) {
            html.append("<h3>Combinations</h3><ul class=\"combinations\">");
            combinations.forEach(run -> html.append("<li>").append(escape(run.label())).append(": ")
                    .append(link(run)).append("</li>"));
            html.append("</ul>\n");
        }
        return html.append("<p class=\"verdict\">").append(escape(coverage())).append("</p></section>\n").toString();
    }

    /** Whether the fault with this label is in the explored space (not left out by {@code only} or {@code skip}). */
    private boolean inSpace(String label) {
        return result.singleFaults().stream().anyMatch(injection -> injection.label().equals(label));
    }

    private static String cell(ExplorationRun run, boolean applies, boolean inSpace) {
        if (!applies) {
            return "<td class=\"na\">·</td>";
        }
        if (!inSpace) {
            return "<td class=\"not-run\">skipped</td>";
        }
        if (run == null) {
            return "<td class=\"not-run\">not run</td>";
        }
        return "<td class=\"" + run.tolerance().word() + "\" title=\"" + escape(title(run)) + "\">" + link(run)
                + "</td>";
    }

    private static String link(ExplorationRun run) {
        String text = escape(run.tolerance().word() + " " + run.status());
        return run.traceId() == null ? text
                : "<a href=\"#trace=" + escape(run.traceId()) + "\" data-trace=\"" + escape(run.traceId()) + "\">"
                + text + "</a>";
    }

    private static String title(ExplorationRun run) {
        return run.label() + (run.why() != null ? ": " + run.why() : "")
                + (run.surfacedAt() != null ? "; surfaced at " + run.surfacedAt() : "")
                + (run.tries().isEmpty() ? "" : "; " + Tries.summary(run));
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
