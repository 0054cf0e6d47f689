package dev.xraytracing.local.report;

import dev.xraytracing.trace.RecordedTrace;
import dev.xraytracing.trace.TraceDocuments;
import dev.xraytracing.trace.Waterfall;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

/** The views of a run, built from the collected segment documents: waterfalls, service map, one HTML page. */
public final class TraceReport {
    private final List<RecordedTrace> traces;
    private final ServiceMap serviceMap;

    private TraceReport(List<RecordedTrace> traces) {
        this.traces = traces;
        this.serviceMap = ServiceMap.of(traces);
    }

    /** Assembles the documents (as the daemon received them) into traces. */
    public static TraceReport of(Collection<String> documents) {
        return new TraceReport(TraceDocuments.assemble(documents));
    }

    public List<RecordedTrace> traces() {
        return traces;
    }

    public ServiceMap serviceMap() {
        return serviceMap;
    }

    /** Every trace's terminal waterfall, one after the other. */
    public String waterfalls() {
        StringBuilder out = new StringBuilder();
        for (RecordedTrace trace : traces) {
            out.append(Waterfall.render(trace)).append('\n');
        }
        return out.toString();
    }

    public String html(String title) {
        return HtmlReport.render(title, traces, serviceMap);
    }

    /** Writes the HTML page to {@code file} (directories created) and returns its absolute path. */
    public Path writeHtml(Path file, String title) {
        return writeHtml(file, title, "");
    }

    /** As {@link #writeHtml(Path, String)}, with a section of trusted markup above the console (see HtmlReport). */
    public Path writeHtml(Path file, String title, String sectionHtml) {
        try {
            Path absolute = file.toAbsolutePath();
            if (absolute.getParent() != null) {
                Files.createDirectories(absolute.getParent());
            }
            Files.writeString(absolute, HtmlReport.render(title, traces, serviceMap, sectionHtml),
                    StandardCharsets.UTF_8);
            return absolute;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
