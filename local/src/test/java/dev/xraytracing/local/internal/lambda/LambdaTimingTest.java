package dev.xraytracing.local.internal.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Lambda's Overhead runs from the runtime's answer to its next poll. The platform once took the answer's time when
 * the invoking thread woke up, which can be after the runtime polled again: an Overhead of -0.2 ms. The answer is now
 * timed by the Runtime API itself, before the runtime can poll again, however late the invoker wakes.
 */
class LambdaTimingTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void the_invocation_ends_before_the_next_poll_however_late_the_invoker_wakes() throws Exception {
        int rounds = 20;
        try (RuntimeApiServer server = new RuntimeApiServer("Timed")) {
            String base = "http://" + server.address() + "/2018-06-01/runtime/invocation/";
            // The runtime: takes an event, answers it, and at once asks for the next one.
            Thread runtime = new Thread(() -> {
                for (int round = 0; round <= rounds; round++) {
                    HttpResponse<Void> event = send(HttpRequest.newBuilder(URI.create(base + "next")).GET());
                    String requestId = event.headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElse(null);
                    if (requestId == null) {
                        return;
                    }
                    send(HttpRequest.newBuilder(URI.create(base + requestId + "/response"))
                            .POST(HttpRequest.BodyPublishers.ofString("\"ok\"")));
                }
            });
            runtime.setDaemon(true);
            runtime.start();
            for (int round = 0; round < rounds; round++) {
                Invocation invocation = new Invocation("req-" + round, "{}".getBytes(), null,
                        System.currentTimeMillis() + 10_000, "arn:aws:lambda:us-east-1:123456789012:function:Timed");
                server.submit(invocation);
                invocation.result().get(10, TimeUnit.SECONDS);
                long polled = invocation.nextPolledNanos().get(10, TimeUnit.SECONDS); // the invoker wakes late

                assertThat(invocation.answeredNanos()).isPositive().isLessThanOrEqualTo(polled);
            }
        }
    }

    private HttpResponse<Void> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
