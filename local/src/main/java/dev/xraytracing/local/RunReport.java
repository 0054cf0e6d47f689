package dev.xraytracing.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.xraytracing.local.app.LocalRunException;
import dev.xraytracing.local.report.TraceReport;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What a run of {@link LocalRun} shows at its end, from the documents the daemon received and the problems seen. */
final class RunReport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> documents;
    private final List<String> problems;
    private final TraceReport traces;

    RunReport(List<String> documents, List<String> problems) {
        this.documents = List.copyOf(documents);
        this.problems = List.copyOf(problems);
        this.traces = TraceReport.of(documents);
    }

    List<String> problems() {
        return problems;
    }

    /** The waterfall of every trace, the service map, and which runtime loop ran each function. */
    void printViews(PrintStream out, Map<String, String> runtimes) {
        out.print(traces.waterfalls());
        out.print(traces.serviceMap().render());
        runtimes.forEach((function, runtime) -> out.println("runtime: " + function + " ran under the " + runtime));
    }

    /**
     * After the traces: what the services hold at the end ({@code summary}: each queue, dead-letter queues
     * especially), then each invocation that ended in a function error, one line each.
     */
    void printSummary(PrintStream out, List<String> summary, List<String> failedInvocations) {
        summary.forEach(line -> out.println("summary: " + line));
        failedInvocations.forEach(line -> out.println("failed invocation: " + line));
    }

    /**
     * Writes every segment document, one compact JSON document per line (a document that is not JSON is written
     * as received, its line breaks made spaces, never dropped); returns the file, absolute.
     */
    Path writeDocuments(Path file) {
        StringBuilder lines = new StringBuilder();
        for (String document : documents) {
            lines.append(compact(document)).append('\n');
        }
        try {
            Path absolute = file.toAbsolutePath();
            if (absolute.getParent() != null) {
                Files.createDirectories(absolute.getParent());
            }
            Files.writeString(absolute, lines);
            return absolute;
        } catch (IOException e) {
            throw new LocalRunException("cannot write --documents " + file + ": " + e.getMessage());
        }
    }

    private static String compact(String document) {
        try {
            return JSON.readTree(document).toString();
        } catch (IOException e) {
            return document.replace('\r', ' ').replace('\n', ' ');
        }
    }

    /**
     * The problems, one line each, then the HTML report written ({@code sectionHtml} above the traces, or empty) and a
     * tally of the run since {@code startedNanos}.
     */
    void printProblemsAndWriteHtml(PrintStream out, Path htmlFile, String title, String sectionHtml,
                                   long startedNanos) {
        problems.forEach(problem -> out.println("problem: " + problem));
        Path html = traces.writeHtml(htmlFile, title, sectionHtml);
        out.println(tally(documents.size(), traces.traces().size(), (System.nanoTime() - startedNanos) / 1e9));
        out.println("HTML report: " + html);
    }

    /** The run's closing tally, in words that count: "1 segment document, 1 trace, 0.4 s". */
    static String tally(int documents, int traces, double seconds) {
        return String.format(Locale.ROOT, "%d segment document%s, %d trace%s, %.1f s", documents,
                documents == 1 ? "" : "s", traces, traces == 1 ? "" : "s", seconds);
    }
}
