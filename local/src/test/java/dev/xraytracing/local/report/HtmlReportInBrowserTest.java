package dev.xraytracing.local.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console in a real headless browser (Debian's chromium and chromium-driver, which .ci/run installs, driven through
 * Selenium WebDriver), driven as a user would: type a filter, click a trace, open each tab of a segment, choose a node
 * of the map. Screenshots go to
 * {@code target/console/}. Skips, saying so, only where Chromium or its driver is not installed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HtmlReportInBrowserTest {
    static final Path SCREENSHOTS = Path.of("target", "console");
    @TempDir
    static Path dir;
    static Browser browser;
    static TraceReport report;

    @BeforeAll
    static void open() throws Exception {
        assumeTrue(Browser.MISSING.isEmpty(), Browser.MISSING.orElse(""));
        List<String> documents = new ArrayList<>(SampleRun.documents());
        documents.addAll(OrdersTrace.documents());
        report = TraceReport.of(documents);
        Path html = report.writeHtml(dir.resolve("console.html"), "xray-tracing local run");
        browser = Browser.open(html.toUri().toString(), 1400, 1700);
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void the_list_shows_every_trace_with_its_request_status_and_flags() throws Exception {
        int entities = report.traces().stream().mapToInt(t -> t.entities().size()).sum();
        assertThat(browser.text("document.body.getAttribute('data-rendered')")).isEqualTo(String.valueOf(entities));
        assertThat(browser.eval("document.querySelectorAll('#trace-list tbody tr').length").asInt()).isEqualTo(4);
        String orders = browser.text("document.querySelector('tr[data-trace=\"" + OrdersTrace.TRACE_ID
                + "\"]').innerText");
        assertThat(orders).contains("POST", "/prod/orders", "502", "FAULT");
        assertThat(browser.text("document.querySelector('#trace-list tbody').innerText"))
                .contains("cold: MyFirstLambda, MySecondLambda", "SecondLambdaStatus=200", "3 faults below");
    }

    @Test
    @Order(2)
    void the_service_map_names_resources_as_X_Ray_does_and_labels_edges_in_words() throws Exception {
        String names = browser.text("Array.from(document.querySelectorAll('#service-map .node .name'))"
                + ".map(function(n){return n.textContent}).join('|')");
        assertThat(names.split("\\|")).contains("client", "api/prod", "MySecondLambda", "orders", "orders-table",
                "order-receipts");
        assertThat(browser.text("document.querySelector('#service-map').innerText"))
                .contains("Fault (5xx)", "Throttled (429)");
        assertThat(browser.text("Array.from(document.querySelectorAll('#service-map .edge-label'))"
                + ".map(function(n){return n.textContent}).join('|')")).contains("3 calls, avg", "1 fault", "1 error");
        assertThat(browser.eval("document.querySelectorAll('#service-map .ring.fault').length").asInt())
                .isPositive();
    }

    @Test
    @Order(3)
    void a_filter_expression_selects_traces_and_a_broken_one_says_where() throws Exception {
        browser.type("#filter", "service(\"MySecondLambda\") { fault");
        browser.waitFor("document.body.getAttribute('data-filtered') === 'error'");
        assertThat(browser.text("document.querySelector('#filter-error').innerText"))
                .contains("column 34", "'}' to close the '{' at column 27");

        browser.type("#filter", "service(\"MySecondLambda\") { fault }");
        browser.waitFor("document.body.getAttribute('data-filtered') === '1'");
        assertThat(browser.eval("document.querySelector('#filter-error').hidden").asBoolean()).isTrue();
        assertThat(browser.text("document.querySelector('#count').textContent")).isEqualTo("1 of 4 traces");

        browser.type("#filter", "http.method = \"POST\" AND fault OR annotation.orderId = \"o-42\"");
        browser.waitFor("document.body.getAttribute('data-filtered') === '1'");
        assertThat(browser.text("Array.from(document.querySelectorAll('#trace-list tbody tr'))"
                + ".filter(function(r){return !r.hidden}).map(function(r){return r.dataset.trace}).join()"))
                .isEqualTo(OrdersTrace.TRACE_ID);
    }

    @Test
    @Order(4)
    void a_chosen_trace_shows_its_own_map_its_timeline_and_each_tab_of_a_segment() throws Exception {
        browser.click("tr[data-trace=\"" + OrdersTrace.TRACE_ID + "\"]");
        browser.waitFor("document.body.getAttribute('data-trace') === '" + OrdersTrace.TRACE_ID + "'");
        assertThat(browser.eval("document.querySelectorAll('#timeline tbody tr').length").asInt()).isEqualTo(8);
        assertThat(browser.text("Array.from(document.querySelectorAll('#trace-map-svg .node .name'))"
                + ".map(function(n){return n.textContent}).sort().join()"))
                .isEqualTo("OrdersLambda,api/prod,client,order-receipts,orders,orders-table");

        browser.click("#timeline tr[data-id=\"a000000000000005\"]");
        browser.waitFor("document.querySelector('#details') && !document.querySelector('#details').hidden");
        assertThat(tab("Overview")).contains("PlaceOrder", "a000000000000005", "a000000000000004", "fault",
                "2026-");
        assertThat(tab("Annotations")).contains("orderId", "o-42", "items", "3", "number", "express");
        assertThat(tab("Metadata")).contains("orders", "\"sku\": \"A-1\"", "debug", "\"retries\": 0");
        assertThat(tab("Exceptions")).contains("java.lang.IllegalStateException", "order o-42 not stored",
                "example.OrdersHandler.place (OrdersHandler.java:57)", "caused by",
                "S3Exception", "Access Denied", "remote");
        browser.screenshot(SCREENSHOTS.resolve("console-exceptions.png"));

        browser.click("#timeline tr[data-id=\"a000000000000006\"]");
        browser.waitFor("document.querySelector('#details h3').textContent.indexOf('SQS') === 0");
        assertThat(tab("Resources")).contains("SendMessage", "queue_url", "http://127.0.0.1:44165/123456789012/orders",
                "HTTP response", "200");
        assertThat(tab("Raw")).contains("\"namespace\": \"aws\"");
        browser.click("#timeline tr[data-id=\"a000000000000005\"]");
        tab("Metadata");
        browser.screenshot(SCREENSHOTS.resolve("console-trace.png"));
    }

    @Test
    @Order(5)
    void a_node_shows_its_response_times_and_lists_its_traces() throws Exception {
        browser.type("#filter", "");
        browser.waitFor("document.body.getAttribute('data-filtered') === '4'");
        browser.click("#service-map .node[data-name=\"MySecondLambda\"][data-type=\"AWS::Lambda::Function\"]");
        browser.waitFor("!document.querySelector('#node-panel').hidden");
        assertThat(browser.text("document.querySelector('#node-panel').innerText"))
                .contains("Response time distribution", "3 requests", "1 5xx");
        assertThat(browser.eval("document.querySelectorAll('#node-panel .bin').length").asInt()).isEqualTo(12);
        assertThat(browser.text("document.querySelector('#filter').value"))
                .isEqualTo("service(id(name: \"MySecondLambda\", type: \"AWS::Lambda::Function\"))");
        assertThat(browser.text("document.body.getAttribute('data-filtered')")).isEqualTo("3");
        browser.eval("window.scrollTo(0, 0)");
        browser.screenshot(SCREENSHOTS.resolve("console-map.png"));
    }

    @Test
    @Order(6)
    void the_list_sorts_by_a_column() throws Exception {
        browser.click("#trace-list th[data-key=\"responsetime\"]");
        browser.click("#trace-list th[data-key=\"responsetime\"]");
        assertThat(browser.text("document.querySelector('#trace-list th[data-key=responsetime]')"
                + ".getAttribute('aria-sort')")).isEqualTo("descending");
        String longest = report.traces().stream().max(java.util.Comparator.comparingDouble(
                t -> t.roots().get(0).durationMillis())).orElseThrow().traceId();
        assertThat(browser.text("document.querySelector('#trace-list tbody tr').dataset.trace")).isEqualTo(longest);
    }

    private static String tab(String name) throws Exception {
        browser.click(".tab[data-tab=\"" + name + "\"]");
        browser.waitFor("document.querySelector('#tab-content').getAttribute('data-tab') === '" + name + "'");
        return browser.text("document.querySelector('#tab-content').innerText");
    }
}
