package dev.xraytracing.local.internal.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xraytracing.local.internal.services.LocalServices.Kind;
import dev.xraytracing.local.internal.services.LocalServices.Stage;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The engines start side by side, the services that deliver to them after, and a failed start stops the rest. */
class LocalServicesStartTest {
    private final List<String> closed = new CopyOnWriteArrayList<>();

    @Test
    void engines_start_side_by_side_and_deliveries_after_them_with_their_endpoints() {
        CountDownLatch bothEnginesStarting = new CountDownLatch(2);
        Kind table = engine("TABLE", bothEnginesStarting);
        Kind queue = engine("QUEUE", bothEnginesStarting);
        List<String> seenByTopic = new CopyOnWriteArrayList<>();
        Kind topic = new Kind("topic", Stage.DELIVERY, context -> true, context -> {
            seenByTopic.addAll(context.endpoints().keySet());
            return service("TOPIC");
        });

        try (LocalServices services = LocalServices.start(context(), List.of(topic, table, queue))) {
            assertThat(services.endpoints()).containsOnlyKeys("AWS_ENDPOINT_URL_TABLE", "AWS_ENDPOINT_URL_QUEUE",
                    "AWS_ENDPOINT_URL_TOPIC");
            assertThat(seenByTopic).as("a delivering service starts once the engines' endpoints are known")
                    .containsExactlyInAnyOrder("AWS_ENDPOINT_URL_TABLE", "AWS_ENDPOINT_URL_QUEUE");
        }
        assertThat(closed).as("closed in reverse").containsExactly("TOPIC", "QUEUE", "TABLE");
    }

    @Test
    void an_engine_that_fails_to_start_fails_the_start_with_its_own_exception_and_stops_the_others() {
        IllegalStateException failure = new IllegalStateException("the bucket engine did not answer");
        Kind table = new Kind("table", Stage.ENGINE, context -> true, context -> service("TABLE"));
        Kind bucket = new Kind("bucket", Stage.ENGINE, context -> true, context -> {
            throw failure;
        });
        Kind topic = new Kind("topic", Stage.DELIVERY, context -> true, context -> service("TOPIC"));

        assertThatThrownBy(() -> LocalServices.start(context(), List.of(table, bucket, topic))).isSameAs(failure);
        assertThat(closed).as("the engine that started is stopped; nothing after the engines starts")
                .containsExactly("TABLE");
    }

    @Test
    void a_kind_the_template_does_not_need_never_starts() {
        Kind queue = new Kind("queue", Stage.ENGINE, context -> false, context -> {
            throw new AssertionError("started");
        });

        try (LocalServices services = LocalServices.start(context(), List.of(queue))) {
            assertThat(services.endpoints()).isEmpty();
        }
    }

    private Kind engine(String name, CountDownLatch bothStarting) {
        return new Kind(name.toLowerCase(), Stage.ENGINE, context -> true, context -> {
            bothStarting.countDown();
            try {
                // each engine waits for the other to be starting: only a side-by-side start gets past this
                assertThat(bothStarting.await(30, TimeUnit.SECONDS)).as("the other engine started meanwhile").isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return service(name);
        });
    }

    private LocalService service(String name) {
        return new LocalService() {
            @Override
            public String endpointVariable() {
                return "AWS_ENDPOINT_URL_" + name;
            }

            @Override
            public String endpoint() {
                return "http://127.0.0.1:1/" + name;
            }

            @Override
            public void close() {
                closed.add(name);
            }
        };
    }

    private static ServiceContext context() {
        return ServiceTesting.context(List.of(), Map.of(), new RecordingLambda(), ServiceTesting.said());
    }
}
