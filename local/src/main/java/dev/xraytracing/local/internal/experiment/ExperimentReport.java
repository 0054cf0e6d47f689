package dev.xraytracing.local.internal.experiment;

import dev.xraytracing.trace.RecordedTrace;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * What changed between the phases, as rows of a table (one per figure, a value per phase), and the verdict on the
 * faulted phase's failures: as text for the terminal, and as an HTML section for the report page.
 */
public final class ExperimentReport {
    private static final int LISTED_UNEXPLAINED = 10;

    private final Phase baseline;
    private final Phase faulted;
    private final PhaseFigures before;
    private final PhaseFigures after;
    private final FailureCheck check;

    private ExperimentReport(Phase baseline, Phase faulted) {
        this.baseline = baseline;
        this.faulted = faulted;
        this.before = PhaseFigures.of(baseline);
        this.after = PhaseFigures.of(faulted);
        this.check = FailureCheck.of(faulted);
    }

    public static ExperimentReport of(ExperimentRunner.Result result) {
        return new ExperimentReport(result.baseline(), result.faulted());
    }

    public FailureCheck check() {
        return check;
    }

    public PhaseFigures baselineFigures() {
        return before;
    }

    public PhaseFigures faultedFigures() {
        return after;
    }

    /** A row of the comparison: a figure's name and its value in each phase; a heading row has no values. */
    public record Row(String figure, String baseline, String faulted) {
        boolean heading() {
            return baseline == null;
        }
    }

    public List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("success rate", rate(before), rate(after)));
        rows.add(new Row("latency p50", millis(before.p50()), millis(after.p50())));
        rows.add(new Row("latency p95", millis(before.p95()), millis(after.p95())));
        rows.add(new Row("latency p99", millis(before.p99()), millis(after.p99())));
        TreeSet<String> operations = new TreeSet<>(before.sdkCalls().keySet());
        operations.addAll(after.sdkCalls().keySet());
        rows.add(new Row("SDK attempts per call", null, null));
        if (operations.isEmpty()) {
            rows.add(new Row("  (no SDK calls)", "", ""));
        }
        for (String operation : operations) {
            rows.add(new Row("  " + operation, attempts(before.sdkCalls().get(operation)),
                    attempts(after.sdkCalls().get(operation))));
        }
        TreeSet<String> failed = new TreeSet<>(before.failedEntities().keySet());
        failed.addAll(after.failedEntities().keySet());
        rows.add(new Row("failed subsegments and segments", null, null));
        if (failed.isEmpty()) {
            rows.add(new Row("  (none)", "", ""));
        }
        for (String label : failed) {
            rows.add(new Row("  " + label, Integer.toString(before.failedEntities().getOrDefault(label, 0)),
                    Integer.toString(after.failedEntities().getOrDefault(label, 0))));
        }
        return rows;
    }

    /** The verdict on the faulted phase, one line. */
    public String verdict() {
        if (check.failures() == 0) {
            return "the faulted phase had no failures (nothing to explain)";
        }
        if (check.allExplained()) {
            return "every failure of the faulted phase is explained by an injected fault (" + check.failedRequests()
                    + (check.failedRequests() == 1 ? " failed request, " : " failed requests, ")
                    + check.failedEntities() + (check.failedEntities() == 1 ? " failed entity)" : " failed entities)");
        }
        return check.unexplained().size() + " of " + check.failures()
                + " failures of the faulted phase are not explained by an injected fault";
    }

    public String text() {
        List<Row> rows = rows();
        int width = Math.max(20, rows.stream().mapToInt(r -> r.figure().length()).max().orElse(0));
        int column = Math.max("baseline".length(), rows.stream().filter(r -> !r.heading())
                .mapToInt(r -> r.baseline().length()).max().orElse(0));
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "experiment: %d measured requests per phase%n", before.requests()));
        String format = "%-" + width + "s  %-" + column + "s  %s%n";
        out.append(String.format(Locale.ROOT, format, "", "baseline", "faulted"));
        for (Row row : rows) {
            out.append(row.heading() ? row.figure() + System.lineSeparator()
                    : String.format(Locale.ROOT, format, row.figure(), row.baseline(), row.faulted()));
        }
        out.append(verdict()).append(System.lineSeparator());
        check.unexplained().stream().limit(LISTED_UNEXPLAINED)
                .forEach(line -> out.append("  ").append(line).append(System.lineSeparator()));
        if (check.unexplained().size() > LISTED_UNEXPLAINED) {
            out.append("  (and ").append(check.unexplained().size() - LISTED_UNEXPLAINED).append(" more)")
                    .append(System.lineSeparator());
        }
        return out.toString();
    }

    /** The comparison as a section of the report page: the table, the verdict, and which traces are which phase's. */
    public String htmlSection() {
        StringBuilder html = new StringBuilder();
        html.append("<section id=\"experiment\" class=\"experiment\"><h2>Experiment: baseline and faulted</h2>\n")
                .append("<table class=\"kv experiment-table\"><thead><tr><th></th><th>baseline</th><th>faulted</th>")
                .append("</tr></thead><tbody>\n");
        for (Row row : rows()) {
            if (row.heading()) {
                html.append("<tr><th colspan=\"3\">").append(escape(row.figure())).append("</th></tr>\n");
            } else {
                html.append("<tr><td>").append(escape(row.figure().strip())).append("</td><td>")
                        .append(escape(row.baseline())).append("</td><td>").append(escape(row.faulted()))
                        .append("</td></tr>\n");
            }
        }
        html.append("</tbody></table>\n<p class=\"verdict\">").append(escape(verdict())).append("</p>\n");
        if (!check.unexplained().isEmpty()) {
            html.append("<ul class=\"unexplained\">");
            check.unexplained().forEach(line -> html.append("<li>").append(escape(line)).append("</li>"));
            html.append("</ul>\n");
        }
        html.append("<p>Both phases' traces are in the list below; <code>annotation.FaultInjected = true</code> ")
                .append("finds the faulted ones that a rule hit.</p>\n");
        traceIds(html, baseline);
        traceIds(html, faulted);
        return html.append("</section>\n").toString();
    }

    private static void traceIds(StringBuilder html, Phase phase) {
        html.append("<p class=\"phase-traces\">").append(escape(phase.name())).append(" phase traces: ");
        html.append(escape(String.join(", ", phase.traces().stream().map(RecordedTrace::traceId).toList())));
        html.append("</p>\n");
    }

    private static String rate(PhaseFigures figures) {
        return String.format(Locale.ROOT, "%.0f %% (%d/%d)", figures.successRate() * 100, figures.succeeded(),
                figures.requests());
    }

    private static String millis(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.0f ms", value);
    }

    private static String attempts(PhaseFigures.SdkCalls calls) {
        if (calls == null) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.2f (%d call%s, max %d)", calls.attemptsPerCall(), calls.calls(),
                calls.calls() == 1 ? "" : "s", calls.maxAttempts());
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
