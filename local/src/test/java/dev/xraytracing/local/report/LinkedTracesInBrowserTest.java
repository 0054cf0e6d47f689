package dev.xraytracing.local.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Linked traces in headless Chromium ({@link LinkedRun}): the dashed queue-to-consumer edges, a linked edge's
 * received-event age histogram, and from a trace to the traces it follows and that follow it, one click each. Leaves
 * {@code target/console/linked-map.png} and {@code linked-trace.png} (the README's pictures).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LinkedTracesInBrowserTest {
    static final LinkedRun RUN = new LinkedRun();
    @TempDir
    static Path dir;
    static Browser browser;

    @BeforeAll
    static void open() {
        browser = Browser.openConsole(dir, RUN.documents, 1400, 1100);
    }

    @AfterAll
    static void close() {
        Optional.ofNullable(browser).ifPresent(Browser::close);
    }

    @Test
    @Order(1)
    void eachQueueHasADashedEdgeToItsConsumerAsXRayDrawsSqsToLambda() {
        String edge = "#service-map .edge.linked[data-from=orders][data-to=orders-consumer]";
        assertThat(browser.eval("document.querySelectorAll('" + edge + "').length").asInt()).isEqualTo(1);
        assertThat(browser.text("getComputedStyle(document.querySelector('" + edge + " path')).strokeDasharray"))
                .isNotEqualTo("none");
        assertThat(browser.text("document.querySelector('" + edge + " .edge-label').textContent"))
                .isEqualTo("2 messages linked");
        assertThat(browser.eval("document.querySelectorAll('#service-map .edge.linked[data-from=receipts]"
                + "[data-to=receipts-consumer]').length").asInt()).isEqualTo(1);
        assertThat(browser.eval("document.querySelectorAll('#service-map .edge[data-from=client]"
                + "[data-to=orders-consumer]').length").asInt()).as("the queue leads in, not a client").isZero();
        // The producer's call to the queue stays a plain edge.
        assertThat(browser.eval("document.querySelectorAll('#service-map .edge:not(.linked)[data-from=OrdersLambda]"
                + "[data-to=orders]').length").asInt()).isEqualTo(1);
    }

    @Test
    @Order(2)
    void choosingALinkedEdgeShowsTheReceivedEventAgesAndListsTheConsumersLinkedTraces() throws Exception {
        browser.click("#service-map .edge.linked[data-from=orders] .edge-label");
        browser.waitFor("document.querySelector('#node-panel[data-edge]')");

        assertThat(browser.text("document.querySelector('#node-panel h4').textContent"))
                .startsWith("Received event age");
        assertThat(browser.eval("Array.from(document.querySelectorAll('#node-panel .histogram rect.bin'))"
                + ".filter(function (r) { return +r.getAttribute('height') > 0; }).length").asInt()).isEqualTo(2);
        assertThat(browser.text("document.getElementById('filter').value"))
                .isEqualTo("linked() service(id(name: \"orders-consumer\", type: \"AWS::Lambda\"))");
        assertThat(browser.text("document.body.getAttribute('data-filtered')")).isEqualTo("1");
        browser.screenshot(HtmlReportInBrowserTest.SCREENSHOTS.resolve("linked-map.png"));
    }

    @Test
    @Order(3)
    void fromATraceTheTracesItFollowsAndThatFollowItAreOneClickAway() throws Exception {
        browser.openTrace(RUN.receiptsConsumer);
        assertThat(browser.text("document.querySelector('#linked-traces [data-direction=to]').textContent"))
                .contains(RUN.ordersConsumer, "orders-consumer", "via SQS receipts, message r1");

        browser.click("#linked-traces a.linked-trace[data-trace='" + RUN.ordersConsumer + "']");
        browser.waitFor("document.body.getAttribute('data-trace') === '" + RUN.ordersConsumer + "'");
        assertThat(browser.text("document.querySelector('#linked-traces ul.to').textContent"))
                .contains(LinkedRun.PRODUCER, "api/prod", "message m1", "message m2");
        assertThat(browser.text("document.querySelector('#linked-traces ul.from').textContent"))
                .contains(RUN.receiptsConsumer, "receipts-consumer");
        assertThat(browser.eval("+document.querySelector('#trace-map-svg .node[data-name=orders] circle')"
                + ".getAttribute('cx') < +document.querySelector('#trace-map-svg .node[data-name=orders-consumer]"
                + "[data-type=\"AWS::Lambda\"] circle').getAttribute('cx')").asBoolean())
                .as("the trace's own map starts at the queue that leads in").isTrue();
        browser.screenshot(HtmlReportInBrowserTest.SCREENSHOTS.resolve("linked-trace.png"));

        browser.click("#linked-traces a.linked-trace[data-trace='" + LinkedRun.PRODUCER + "']");
        browser.waitFor("document.body.getAttribute('data-trace') === '" + LinkedRun.PRODUCER + "'");
        assertThat(browser.text("document.querySelector('#linked-traces ul.from').textContent"))
                .contains(RUN.ordersConsumer);
    }

    @Test
    @Order(4)
    void theFollowersOfATraceAreOneFilterAway() {
        browser.click("#linked-traces a.filter-linked");

        assertThat(browser.text("document.getElementById('filter').value"))
                .isEqualTo("linked(\"" + LinkedRun.PRODUCER + "\")");
        assertThat(browser.text("document.body.getAttribute('data-filtered')")).isEqualTo("1");
    }
}
