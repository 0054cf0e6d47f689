package dev.xraytracing.local.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.xraytracing.filter.FilterExpression;
import dev.xraytracing.filter.TraceJson;
import dev.xraytracing.trace.RecordedTrace;
import dev.xraytracing.trace.Timeline;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The local trace console: one self-contained HTML page (inline CSS, inline JS, the traces as inline JSON; no
 * network, no CDN) with a sortable trace list searched by X-Ray filter expressions, the service map, and per trace
 * its map, its timeline and the segment details. The filter engine is the same file the test kit runs.
 */
public final class HtmlReport {
    private static final String CSS = resource("console.css");
    /** The console's script, in the parts a reader looks for (report/console/*.js), run in one function scope. */
    private static final List<String> SCRIPT_PARTS = List.of("base", "map", "list", "trace", "links", "details",
            "address");
    private static final String JS = script();

    private HtmlReport() {
    }

    public static String render(String title, List<RecordedTrace> traces, ServiceMap map) {
        return render(title, traces, map, "");
    }

    /**
     * As {@link #render(String, List, ServiceMap)}, with {@code sectionHtml} (trusted markup, e.g. an experiment's
     * comparison table) placed under the header, above the console.
     */
    public static String render(String title, List<RecordedTrace> traces, ServiceMap map, String sectionHtml) {
        StringBuilder html = new StringBuilder(64 * 1024 + traces.size() * 4096);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ")
                .append("style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n")
                .append("<title>").append(escape(title)).append("</title>\n<style>").append(CSS).append("</style>\n")
                .append("</head>\n<body>\n<header><h1>").append(escape(title)).append("</h1>")
                .append("<p class=\"summary\" id=\"summary\">").append(traces.size())
                .append(traces.size() == 1 ? " trace, " : " traces, ")
                .append(traces.stream().mapToInt(t -> t.entities().size()).sum()).append(" entities</p></header>\n").append(sectionHtml)
                .append("<noscript>This console needs JavaScript (it runs offline, from this file only).</noscript>\n")
                .append("<script type=\"application/json\" id=\"xray-data\">").append(data(traces))
                .append("</script>\n<script>").append(FilterExpression.engineSource()).append("</script>\n<script>")
                .append(JS).append("</script>\n</body>\n</html>\n");
        return html.toString();
    }

    /**
     * The page's data: per trace the engine's input (its entities) and the rows of its {@link Timeline}, so the
     * console draws the same rows, offsets and markers as the terminal waterfall, and its links either way
     * ({@link TraceLinks}). Safe inside a script element.
     */
    static String data(List<RecordedTrace> traces) {
        ArrayNode all = TraceJson.of(traces);
        TraceLinks links = TraceLinks.of(traces);
        for (int i = 0; i < traces.size(); i++) {
            String id = traces.get(i).traceId();
            ArrayNode linksTo = ((ObjectNode) all.get(i)).putArray("linksTo");
            links.from(id).forEach(link -> describe(linksTo.addObject(), link, link.producerTraceId()));
            ArrayNode linkedFrom = ((ObjectNode) all.get(i)).putArray("linkedFrom");
            links.to(id).forEach(link -> describe(linkedFrom.addObject(), link, link.consumer().traceId()));
            ArrayNode rows = ((ObjectNode) all.get(i)).putArray("rows");
            for (Timeline.Row row : traces.get(i).timeline().rows()) {
                ArrayNode r = rows.addArray();
                r.add(row.depth()).add(row.offsetMillis()).add(row.durationMillis()).add(row.startFraction())
                        .add(row.endFraction()).add(String.join(" ", row.markers()));
            }
        }
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.set("traces", all);
        return data.toString().replace("<", "\\u003c");
    }

    /** One link for the page: the other trace, the record and producer entity ids, the queue, the message's age. */
    private static void describe(ObjectNode out, TraceLinks.Link link, String otherTrace) {
        out.put("trace", otherTrace).put("record", link.record().id()).put("producerEntity", link.producerEntityId())
                .put("recordName", link.record().name());
        Object message = link.record().annotations().get("MessageId");
        if (message != null) {
            out.put("messageId", String.valueOf(message));
        }
        link.ageMillis().ifPresent(age -> out.put("ageMs", age));
        link.queue().ifPresent(queue -> out.putObject("queue").put("name", queue.name()).put("type", queue.type()));
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * The parts joined in order inside one function: the console reads the traces from #xray-data, filters them with
     * XRayFilter (the engine the test kit runs too), and draws the trace list, the service map, a trace's map and
     * timeline, and a segment's details.
     */
    private static String script() {
        StringBuilder js = new StringBuilder("(function () {\n  'use strict';\n");
        SCRIPT_PARTS.forEach(part -> js.append(resource("console/" + part + ".js")));
        return js.append("})();\n").toString();
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
