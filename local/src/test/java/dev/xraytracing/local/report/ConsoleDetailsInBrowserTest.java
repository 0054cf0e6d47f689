package dev.xraytracing.local.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's details a new user met (issue 22), in headless Chromium: latencies of four digits and more inside a
 * node's ring, edge labels beside (not on) the curves of a fan-out, the SNS node, a filter given in the page's
 * address, the root causes of a trace, and an evaluation error shown as a parse error is.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleDetailsInBrowserTest {
    static final String PUBLISH_TRACE = "1-6b08bf01-0123456789abcdef01234567";
    static final String ARCHIVE_TRACE = "1-6b08bf02-0123456789abcdef01234567";
    @TempDir
    static Path dir;
    static Browser browser;
    static String page;

    @BeforeAll
    static void open() throws Exception {
        List<String> documents = new ArrayList<>(OrdersTrace.documents());
        documents.add(function(PUBLISH_TRACE, "Publisher", 1.234, """
                ,"subsegments":[{"name":"SNS","id":"c000000000000002","start_time":1795735400.010,
                 "end_time":1795735401.100,"namespace":"aws","aws":{"operation":"Publish",
                 "topic_arn":"arn:aws:sns:us-east-1:123456789012:order-events"},"http":{"response":{"status":200}}}]"""));
        documents.add(function(ARCHIVE_TRACE, "Archiver", 12.345, ""));
        browser = Browser.openConsole(dir, documents, 1400, 1400);
        page = dir.resolve("console.html").toUri().toString();
    }

    private static String function(String trace, String name, double seconds, String subsegments) {
        return ("{\"name\":\"%s\",\"id\":\"c00000000000000%d\",\"trace_id\":\"%s\",\"start_time\":1795735400.000,"
                + "\"end_time\":%.3f,\"origin\":\"AWS::Lambda::Function\"%s}").formatted(name,
                trace.equals(PUBLISH_TRACE) ? 1 : 3, trace, 1795735400.000 + seconds, subsegments);
    }

    @AfterAll
    static void close() {
        Optional.ofNullable(browser).ifPresent(Browser::close);
    }

    @Test
    @Order(1)
    void latencies_of_four_digits_and_more_fit_inside_the_node_ring() throws Exception {
        assertThat(browser.text("document.querySelector('#service-map .node[data-name=Publisher] .inside.strong')"
                + ".textContent")).isEqualTo("1.23 s");
        assertThat(browser.text("document.querySelector('#service-map .node[data-name=Archiver] .inside.strong')"
                + ".textContent")).isEqualTo("12.3 s");
        // The ring (r 30, 7 wide) leaves 53 px inside; every text there must stay within it.
        assertThat(browser.text("Array.from(document.querySelectorAll('#service-map .node .inside'))"
                + ".filter(function(t){return t.getBoundingClientRect().width > 50})"
                + ".map(function(t){return t.textContent}).join('|')")).isEmpty();
    }

    @Test
    @Order(2)
    void an_edge_label_sits_beside_the_curves_of_a_fan_out_not_on_them() throws Exception {
        assertThat(browser.eval("document.querySelectorAll('#service-map .edge[data-from=OrdersLambda]').length")
                .asInt()).isEqualTo(3);
        String onACurve = browser.text("""
                (function () {
                  var hits = [];
                  var map = document.querySelector('#service-map svg.map');
                  var paths = map.querySelectorAll('.edge path');
                  map.querySelectorAll('.edge-label').forEach(function (label) {
                    var box = label.getBBox();
                    paths.forEach(function (path) {
                      for (var d = 0, n = path.getTotalLength(); d <= n; d += 1) {
                        var p = path.getPointAtLength(d);
                        if (p.x > box.x + 1 && p.x < box.x + box.width - 1 && p.y > box.y + 2
                            && p.y < box.y + box.height - 2) {
                          hits.push(label.textContent + ' on ' + path.parentNode.dataset.from + '->'
                              + path.parentNode.dataset.to + ' at ' + Math.round(p.x) + ',' + Math.round(p.y)
                              + ' box ' + [box.x, box.y, box.width, box.height].map(Math.round));
                          break;
                        }
                      }
                    });
                  });
                  return hits.join(' | ');
                })()""");
        browser.screenshot(HtmlReportInBrowserTest.SCREENSHOTS.resolve("console-fan-out.png"));
        assertThat(onACurve).as("edge labels lying on an edge's curve").isEmpty();
    }

    @Test
    @Order(3)
    void an_SNS_publish_is_one_node_named_SNS_of_type_AWS_SNS() throws Exception {
        assertThat(browser.text("document.querySelector('#service-map .node[data-name=SNS]').dataset.type"))
                .isEqualTo("AWS::SNS");
        assertThat(browser.text("document.querySelector('#service-map .node[data-name=SNS] .type').textContent"))
                .isEqualTo("SNS");
    }

    @Test
    @Order(4)
    void a_filter_in_the_address_opens_the_page_on_that_search_and_the_address_follows_the_filter()
            throws Exception {
        String filter = "service(id(name: \"SNS\", type: \"AWS::SNS\"))";
        browser.navigate(page + "#filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8).replace("+", "%20"));
        browser.waitFor("document.body.getAttribute('data-filtered') === '1'");
        assertThat(browser.text("document.querySelector('#filter').value")).isEqualTo(filter);
        assertThat(browser.text("document.querySelector('#count').textContent")).isEqualTo("1 of 3 traces");

        browser.type("#filter", "responsetime > 10");
        browser.waitFor("decodeURIComponent(location.hash) === '#filter=responsetime > 10'");
        assertThat(browser.text("Array.from(document.querySelectorAll('#trace-list tbody tr'))"
                + ".filter(function(r){return !r.hidden}).map(function(r){return r.dataset.trace}).join()"))
                .isEqualTo(ARCHIVE_TRACE);
    }

    @Test
    @Order(5)
    void a_node_with_one_trace_says_so_in_the_singular() throws Exception {
        browser.click("#service-map .node[data-name=\"Publisher\"]");
        browser.waitFor("!document.querySelector('#node-panel').hidden");
        assertThat(browser.text("document.querySelector('#node-panel').innerText"))
                .contains("1 request", "Its trace is listed below").doesNotContain("1 traces");
    }

    @Test
    @Order(6)
    void the_trace_view_shows_the_root_causes_of_fault_error_and_response_time() throws Exception {
        browser.openTrace(OrdersTrace.TRACE_ID);
        String fault = browser.text("document.querySelector('#root-causes .root-cause[data-kind=fault]').innerText");
        assertThat(fault).contains("api/prod › OrdersLambda", "OrdersLambda › Invocation › PlaceOrder",
                "java.lang.IllegalStateException: order o-42 not stored",
                "S3Exception: Access Denied (Service: S3, Status Code: 403) (remote)");
        String error = browser.text("document.querySelector('#root-causes .root-cause[data-kind=error]').innerText");
        assertThat(error).contains("api/prod › OrdersLambda › order-receipts", "AWS::S3::Bucket, inferred",
                "OrdersLambda › Invocation › PlaceOrder › S3 › order-receipts", "S3Exception: Access Denied")
                .doesNotContain("IllegalStateException");
        String time = browser.text("document.querySelector('#root-causes .root-cause[data-kind=responsetime]')"
                + ".innerText");
        assertThat(time).contains("PlaceOrder 96% › S3 59% › order-receipts 59%");
        browser.screenshot(HtmlReportInBrowserTest.SCREENSHOTS.resolve("console-root-causes.png"));
    }

    @Test
    @Order(7)
    void an_evaluation_error_is_shown_as_a_parse_error_is_not_as_an_empty_list() throws Exception {
        browser.eval("XRayFilter.matches = function () { throw new Error('cannot evaluate the expression on trace "
                + "1-x: broken'); }");
        browser.type("#filter", "ok");
        browser.waitFor("document.body.getAttribute('data-filtered') === 'error'");
        assertThat(browser.eval("document.querySelector('#filter-error').hidden").asBoolean()).isFalse();
        assertThat(browser.text("document.querySelector('#filter-error').innerText"))
                .isEqualTo("cannot evaluate the expression on trace 1-x: broken");
        assertThat(browser.text("document.querySelector('#count').textContent")).isEqualTo("evaluation error");
    }
}
