package dev.xraytracing.local.internal.entry;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.xraytracing.local.internal.TraceIds;
import dev.xraytracing.local.template.TemplateResource;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the SNS and EventBridge producers put on the wire, read by a recorder on 127.0.0.1 that answers each call with
 * the smallest success the SDK accepts: the run's trace header as the {@code X-Amzn-Trace-Id} HTTP header (the only
 * place SNS reads it) and, for EventBridge, in each entry's {@code TraceHeader} too. The services' own behaviour is
 * tested against their engines; this checks only the requests.
 */
class ProducersOnTheWireTest {
    record Recorded(String target, String traceHeader, String body) {
    }

    private final List<Recorded> recorded = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
                recorded.add(new Recorded(target, exchange.getRequestHeaders().getFirst("X-Amzn-Trace-Id"), body));
                byte[] answer = (target != null ? "{\"FailedEntryCount\":0,\"Entries\":[{\"EventId\":\"e-1\"}]}"
                        : "<PublishResponse><PublishResult><MessageId>m-1</MessageId></PublishResult>"
                        + "</PublishResponse>").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", target != null ? "application/x-amz-json-1.1"
                        : "text/xml");
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private Producers producers() {
        String endpoint = "http://127.0.0.1:" + server.getAddress().getPort();
        return new Producers(variable -> Optional.of(endpoint), "us-east-1");
    }

    @Test
    void a_publication_carries_the_trace_header_as_the_http_header_sns_reads() {
        String trace = TraceIds.newTrace().toString();
        try (Producers producers = producers()) {
            Producers.Delivery delivery = producers.publish(new TemplateResource.Topic("Shipped", "shipped",
                    "arn:aws:sns:us-east-1:123456789012:shipped", false, List.of()), "parcel 7", trace);

            assertThat(delivery).isEqualTo(new Producers.Delivery(200, "m-1"));
        }
        assertThat(recorded).singleElement().satisfies(r -> {
            assertThat(r.traceHeader()).isEqualTo(trace);
            assertThat(r.body()).contains("Action=Publish").contains("Message=parcel+7")
                    .contains("TopicArn=arn%3Aaws%3Asns%3Aus-east-1%3A123456789012%3Ashipped");
        });
    }

    @Test
    void events_carry_the_trace_header_in_each_entry_and_as_the_http_header() {
        String trace = TraceIds.newTrace().toString();
        try (Producers producers = producers()) {
            Producers.Delivery delivery = producers.putEvents(BusEvent.parse("{\"Source\": \"shop.orders\","
                    + " \"DetailType\": \"Shipped\", \"Detail\": {\"order\": 42}}", "event.json"), List.of("shop"),
                    trace);

            assertThat(delivery).isEqualTo(new Producers.Delivery(200, "e-1"));
        }
        assertThat(recorded).singleElement().satisfies(r -> {
            assertThat(r.target()).isEqualTo("AWSEvents.PutEvents");
            assertThat(r.traceHeader()).isEqualTo(trace);
            assertThat(r.body()).contains("\"TraceHeader\":\"" + trace + "\"").contains("\"EventBusName\":\"shop\"")
                    .contains("\"Detail\":\"{\\\"order\\\":42}\"");
        });
    }

    @Test
    void without_a_trace_header_none_is_sent() {
        try (Producers producers = producers()) {
            producers.publish(new TemplateResource.Topic("Shipped", "shipped",
                    "arn:aws:sns:us-east-1:123456789012:shipped", false, List.of()), "m", null);
        }
        assertThat(recorded).singleElement().extracting(Recorded::traceHeader).isNull();
    }
}
