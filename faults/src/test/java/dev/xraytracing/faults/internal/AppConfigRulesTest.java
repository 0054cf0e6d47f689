package dev.xraytracing.faults.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.xraytracing.internal.log.WarnOnce;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AppConfigRulesTest {
    private HttpServer extension;
    private final AtomicReference<String> served = new AtomicReference<>("");
    private final AtomicInteger status = new AtomicInteger(200);
    private final AtomicInteger fetches = new AtomicInteger();
    private final AtomicLong clock = new AtomicLong(1_000_000);

    @BeforeEach
    void startExtension() throws Exception {
        extension = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        extension.createContext("/applications/shop/environments/prod/configurations/faults", exchange -> {
            fetches.incrementAndGet();
            byte[] body = served.get().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status.get(), body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        extension.start();
    }

    @AfterEach
    void stopExtension() {
        extension.stop(0);
    }

    /**
     * The fetch timeout is 200 ms in a function; a test extension on a loaded machine may take longer to answer, and
     * what these tests prove does not depend on the timeout, so they give it ten seconds.
     */
    private AppConfigRules source() {
        return new AppConfigRules("shop/prod/faults", extension.getAddress().getPort(), 30_000, 10_000, clock::get,
                new WarnOnce());
    }

    @Test
    void anExperimentStartsAndStopsWhenTheServedRulesChangeAfterThePollInterval() {
        AppConfigRules source = source();
        assertThat(source.current()).isEmpty();

        served.set("handler=http:503");
        assertThat(source.current()).as("within the poll interval: no fetch").isEmpty();
        clock.addAndGet(30_000);
        assertThat(source.current()).extracting(rule -> rule.id).containsExactly("handler#1");

        served.set("");
        clock.addAndGet(29_999);
        assertThat(source.current()).hasSize(1);
        clock.addAndGet(1);
        assertThat(source.current()).isEmpty();
        assertThat(fetches.get()).isEqualTo(3);
    }

    @Test
    void aFailedFetchKeepsTheLastGoodRules() {
        served.set("[{\"id\":\"down\",\"target\":\"handler\",\"mode\":\"http\",\"status\":503}]");
        AppConfigRules source = source();
        assertThat(source.current()).hasSize(1);

        status.set(500);
        clock.addAndGet(30_000);
        assertThat(source.current()).extracting(rule -> rule.id).containsExactly("down");
        extension.stop(0);
        clock.addAndGet(30_000);
        assertThat(source.current()).extracting(rule -> rule.id).containsExactly("down");
    }
}
