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
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The views of a run, built from the collected segment documents: waterfalls, service map, one HTML page. */
public final class TraceReport {
    private final List<RecordedTrace> traces;
    private final ServiceMap serviceMap;
    private final TraceLinks links;

    private TraceReport(List<RecordedTrace> traces) {
        this.traces = traces;
        this.serviceMap = ServiceMap.of(traces);
        this.links = TraceLinks.of(traces);
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

    /** Which trace links to which: consumers' records to their producers. */
    public TraceLinks links() {
        return links;
    }

    /**
     * Every trace's terminal waterfall, one after the other; the traces linked into one request's chain come
     * together, where the first of them would, as {@link #chain(String)} shows them.
     */
    public String waterfalls() {
        StringBuilder out = new StringBuilder();
        Set<String> shown = new HashSet<>();
        for (RecordedTrace trace : traces) {
            if (shown.contains(trace.traceId())) {
                continue;
            }
            List<RecordedTrace> chain = links.chain(trace.traceId());
            chain.forEach(t -> shown.add(t.traceId()));
            out.append(chain.size() > 1 ? chain(trace.traceId()) : Waterfall.render(trace) + "\n");
        }
        return out.toString();
    }

    /**
     * The chain of linked traces that {@code traceId} belongs to, for one request: a header naming each trace in the
     * order they started, and what it follows (which record, through which queue, how long after sending), then each
     * trace's waterfall in that order.
     */
    public String chain(String traceId) {
        List<RecordedTrace> chain = links.chain(traceId);
        StringBuilder out = new StringBuilder();
        out.append("linked traces of one request (").append(chain.size()).append(", in the order they started)\n");
        for (RecordedTrace trace : chain) {
            out.append("  ").append(trace.traceId()).append("  ").append(entryName(trace));
            for (TraceLinks.Link link : links.from(trace.traceId())) {
                out.append("\n      ⇠ ").append(link.producerTraceId())
                        .append(link.producer().isPresent() ? "" : " (not in this run)").append(" via ")
                        .append(link.record().name());
                Object message = link.record().annotations().get("MessageId");
                if (message != null) {
                    out.append(", message ").append(message);
                }
                link.ageMillis().ifPresent(age -> out.append(String.format(Locale.ROOT,
                        ", received-event age %.1f ms", age)));
            }
            out.append('\n');
        }
        for (RecordedTrace trace : chain) {
            out.append(Waterfall.render(trace)).append('\n');
        }
        return out.toString();
    }

    private static String entryName(RecordedTrace trace) {
        return trace.roots().isEmpty() ? "" : trace.roots().get(0).name();
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
