package dev.xraytracing.local.report;

import dev.xraytracing.trace.RecordedEntity;
import dev.xraytracing.trace.RecordedException;
import dev.xraytracing.trace.RecordedTrace;
import dev.xraytracing.trace.Timeline;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One self-contained HTML page with the service map (inline SVG) and a waterfall per trace: inline CSS and a few
 * lines of inline JS (click a row to see its document), no network, no CDN, so it opens anywhere, offline.
 */
public final class HtmlReport {
    private static final int NODE_WIDTH = 190;
    private static final int NODE_HEIGHT = 54;
    private static final int COLUMN = 330;
    private static final int ROW = 110;

    private HtmlReport() {
    }

    public static String render(String title, List<RecordedTrace> traces, ServiceMap map) {
        StringBuilder html = new StringBuilder(16_384);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ")
                .append("style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n")
                .append("<title>").append(escape(title)).append("</title>\n<style>").append(CSS).append("</style>\n")
                .append("</head>\n<body>\n<h1>").append(escape(title)).append("</h1>\n");
        html.append("<p class=\"summary\" id=\"summary\">").append(traces.size())
                .append(traces.size() == 1 ? " trace, " : " traces, ")
                .append(traces.stream().mapToInt(t -> t.entities().size()).sum()).append(" entities</p>\n");
        html.append("<section id=\"service-map\"><h2>Service map</h2>\n");
        serviceMap(html, map);
        html.append("<table class=\"edges\"><thead><tr><th>from</th><th>to</th><th>calls</th><th>avg latency</th>")
                .append("<th>errors</th><th>faults</th><th>throttles</th></tr></thead><tbody>\n");
        for (ServiceMap.Edge edge : map.edges()) {
            html.append("<tr><td>").append(escape(edge.from().id())).append("</td><td>").append(escape(edge.to().id()))
                    .append("</td><td>").append(edge.calls()).append("</td><td>")
                    .append(String.format(Locale.ROOT, "%.1f ms", edge.averageMillis())).append("</td><td>")
                    .append(edge.errors()).append("</td><td>").append(edge.faults()).append("</td><td>")
                    .append(edge.throttles()).append("</td></tr>\n");
        }
        html.append("</tbody></table></section>\n<section id=\"traces\"><h2>Traces</h2>\n");
        for (RecordedTrace trace : traces) {
            waterfall(html, trace);
        }
        html.append("</section>\n<pre id=\"document\" class=\"document\" hidden></pre>\n<script>").append(JS)
                .append("</script>\n</body>\n</html>\n");
        return html.toString();
    }

    private static void serviceMap(StringBuilder html, ServiceMap map) {
        Map<ServiceMap.Node, Integer> depths = map.depths();
        Map<Integer, Integer> rowsUsed = new LinkedHashMap<>();
        Map<ServiceMap.Node, int[]> positions = new LinkedHashMap<>();
        int width = 0;
        int height = 0;
        for (ServiceMap.Node node : map.nodes()) {
            int depth = depths.get(node);
            int row = rowsUsed.merge(depth, 1, Integer::sum) - 1;
            int x = 20 + depth * COLUMN;
            int y = 20 + row * ROW;
            positions.put(node, new int[] {x, y});
            width = Math.max(width, x + NODE_WIDTH + 20);
            height = Math.max(height, y + NODE_HEIGHT + 30);
        }
        html.append("<svg class=\"map\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ')
                .append(height).append("\">\n<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" ")
                .append("markerWidth=\"8\" markerHeight=\"8\" orient=\"auto-start-reverse\">")
                .append("<path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#555\"/></marker></defs>\n");
        Map<ServiceMap.Node, String> health = new LinkedHashMap<>();
        for (ServiceMap.Edge edge : map.edges()) {
            int[] from = positions.get(edge.from());
            int[] to = positions.get(edge.to());
            int x1 = from[0] + NODE_WIDTH;
            int y1 = from[1] + NODE_HEIGHT / 2;
            int x2 = to[0];
            int y2 = to[1] + NODE_HEIGHT / 2;
            if (x2 <= x1) { // a call back to an earlier column: route below
                x1 = from[0] + NODE_WIDTH / 2;
                y1 = from[1] + NODE_HEIGHT;
                x2 = to[0] + NODE_WIDTH / 2;
                y2 = to[1] + NODE_HEIGHT;
            }
            String state = edge.faults() > 0 ? "fault" : edge.errors() > 0 ? "error" : "ok";
            health.merge(edge.to(), state, HtmlReport::worse);
            html.append("<g class=\"edge ").append(state).append("\"><line x1=\"").append(x1).append("\" y1=\"")
                    .append(y1).append("\" x2=\"").append(x2).append("\" y2=\"").append(y2)
                    .append("\" marker-end=\"url(#arrow)\"/><text x=\"").append((x1 + x2) / 2).append("\" y=\"")
                    .append((y1 + y2) / 2 - 6).append("\" text-anchor=\"middle\">")
                    .append(escape(String.format(Locale.ROOT, "%d× %.0f ms", edge.calls(), edge.averageMillis())))
                    .append(edge.errors() + edge.faults() > 0
                            ? escape(" E" + edge.errors() + " F" + edge.faults()) : "")
                    .append("</text></g>\n");
        }
        for (Map.Entry<ServiceMap.Node, int[]> entry : positions.entrySet()) {
            ServiceMap.Node node = entry.getKey();
            int x = entry.getValue()[0];
            int y = entry.getValue()[1];
            html.append("<g class=\"node ").append(health.getOrDefault(node, "ok")).append("\" data-name=\"")
                    .append(escape(node.name())).append("\"><rect x=\"").append(x).append("\" y=\"").append(y)
                    .append("\" width=\"").append(NODE_WIDTH).append("\" height=\"").append(NODE_HEIGHT)
                    .append("\" rx=\"8\"/><text x=\"").append(x + NODE_WIDTH / 2).append("\" y=\"").append(y + 23)
                    .append("\" text-anchor=\"middle\" class=\"name\">").append(escape(clip(node.name(), 28)))
                    .append("</text><text x=\"").append(x + NODE_WIDTH / 2).append("\" y=\"").append(y + 42)
                    .append("\" text-anchor=\"middle\" class=\"type\">").append(escape(node.type()))
                    .append("</text></g>\n");
        }
        html.append("</svg>\n");
    }

    private static String worse(String a, String b) {
        List<String> order = List.of("ok", "error", "fault");
        return order.indexOf(a) >= order.indexOf(b) ? a : b;
    }

    private static void waterfall(StringBuilder html, RecordedTrace trace) {
        Timeline timeline = trace.timeline();
        html.append("<details class=\"trace\" open><summary>trace <code>").append(escape(timeline.traceId()))
                .append("</code> ").append(String.format(Locale.ROOT, "%.1f ms", timeline.spanMillis()))
                .append("</summary>\n")
                .append("<table class=\"waterfall\"><thead><tr><th>name</th><th>start</th><th>duration</th>")
                .append("<th class=\"timeline\">timeline</th><th>status</th></tr></thead><tbody>\n");
        for (Timeline.Row row : timeline.rows()) {
            RecordedEntity entity = row.entity();
            double left = row.startFraction() * 100;
            double width = Math.max((row.endFraction() - row.startFraction()) * 100, 0.3);
            String state = entity.isFault() ? "fault" : entity.isThrottle() ? "throttle" : entity.isError() ? "error"
                    : "ok";
            html.append("<tr class=\"row ").append(entity.isSegment() ? "segment " : "subsegment ").append(state)
                    .append("\" data-document=\"").append(escape(entity.document())).append("\">")
                    .append("<td class=\"name\" style=\"padding-left:").append(6 + row.depth() * 16).append("px\">")
                    .append(entity.isSegment() ? "■ " : "└ ").append(escape(entity.name()));
            if (entity.origin() != null) {
                html.append(" <span class=\"badge\">").append(escape(entity.origin())).append("</span>");
            }
            if (entity.namespace() != null) {
                html.append(" <span class=\"badge ns\">").append(escape(entity.namespace())).append("</span>");
            }
            Map<String, Object> annotations = entity.annotations();
            if (!annotations.isEmpty()) {
                html.append("<div class=\"annotations\">");
                annotations.forEach((key, value) -> html.append("<span>").append(escape(key)).append('=')
                        .append(escape(String.valueOf(value))).append("</span> "));
                html.append("</div>");
            }
            html.append("</td><td class=\"num\">").append(String.format(Locale.ROOT, "%.1f ms", row.offsetMillis()))
                    .append("</td><td class=\"num\">")
                    .append(String.format(Locale.ROOT, "%.1f ms", row.durationMillis()))
                    .append("</td><td class=\"timeline\"><div class=\"bar ").append(state).append("\" style=\"left:")
                    .append(String.format(Locale.ROOT, "%.3f%%;width:%.3f%%", left, Math.min(width, 100 - left)))
                    .append("\"></div></td><td>").append(escape(status(row))).append("</td></tr>\n");
        }
        html.append("</tbody></table></details>\n");
    }

    /** The row's markers, then the first exception, if any. */
    private static String status(Timeline.Row row) {
        StringBuilder status = new StringBuilder(String.join(" ", row.markers()));
        List<RecordedException> exceptions = row.entity().exceptions();
        if (!exceptions.isEmpty()) {
            status.append(status.length() == 0 ? "" : " ").append(exceptions.get(0));
        }
        return status.toString();
    }

    private static String clip(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
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

    private static final String CSS = """
            body{font:14px/1.4 system-ui,-apple-system,Segoe UI,sans-serif;margin:24px;color:#1d2733;background:#fafbfc}
            h1{font-size:20px;margin:0 0 4px}h2{font-size:16px;margin:24px 0 8px}
            .summary{color:#5b6775;margin:0}
            svg.map{background:#fff;border:1px solid #dde3ea;border-radius:8px;max-width:100%;height:auto}
            .node rect{fill:#eef5ff;stroke:#3a78c2;stroke-width:1.5}
            .node.error rect{fill:#fff4e0;stroke:#d48806}.node.fault rect{fill:#ffecec;stroke:#cf1322}
            .node .name{font-weight:600;font-size:13px}.node .type{font-size:11px;fill:#5b6775}
            .edge line{stroke:#555;stroke-width:1.5}.edge.error line{stroke:#d48806}.edge.fault line{stroke:#cf1322}
            .edge text{font-size:11px;fill:#333}
            table{border-collapse:collapse;background:#fff;margin:8px 0;width:100%}
            th,td{border-bottom:1px solid #e6ebf0;padding:3px 8px;text-align:left;vertical-align:top}
            th{font-weight:600;color:#5b6775;font-size:12px}
            table.edges{width:auto}
            td.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
            td.timeline,th.timeline{width:40%;position:relative}
            .bar{position:absolute;top:6px;height:12px;border-radius:3px;background:#3a78c2;min-width:2px}
            .bar.error{background:#d48806}.bar.throttle{background:#9254de}.bar.fault{background:#cf1322}
            tr.row{cursor:pointer}tr.row:hover{background:#f3f7fc}tr.selected{background:#e6f0fb}
            tr.segment td.name{font-weight:600}
            .badge{font-size:11px;font-weight:400;background:#eef1f4;border-radius:4px;padding:0 4px;color:#5b6775}
            .annotations{font-size:12px;color:#35577d;font-weight:400}.annotations span{margin-right:6px}
            details.trace{margin:12px 0}summary{cursor:pointer;font-weight:600}
            .document{position:fixed;right:16px;bottom:16px;max-width:45%;max-height:45%;overflow:auto;
            background:#1d2733;color:#e6edf3;padding:12px;border-radius:8px;font-size:12px;white-space:pre-wrap}
            """;

    private static final String JS = """
            (function () {
              var panel = document.getElementById('document');
              var selected = null;
              document.querySelectorAll('tr.row').forEach(function (row) {
                row.addEventListener('click', function () {
                  if (selected) { selected.classList.remove('selected'); }
                  if (selected === row) { selected = null; panel.hidden = true; return; }
                  selected = row;
                  row.classList.add('selected');
                  panel.textContent = JSON.stringify(JSON.parse(row.getAttribute('data-document')), null, 2);
                  panel.hidden = false;
                });
              });
              document.body.setAttribute('data-rendered', String(document.querySelectorAll('tr.row').length));
            })();
            """;
}
