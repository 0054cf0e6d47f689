package dev.xraytracing;

import static dev.xraytracing.testing.TracingAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.xraytracing.testing.TracingExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MetadataNeverCostsTheSegmentTest {

    @RegisterExtension
    static final TracingExtension tracing = TracingExtension.inSegment();

    @Test
    void plainValuesAreWrittenAsJson() {
        Tracing.run("Work", s -> s.metadata("order", Map.of("id", "A-1", "items", List.of(1, 2)))
                .metadata("billing", "total", 12.5));

        var work = assertThat(tracing.trace()).subsegment("Work");
        JsonNode order = work.metadata("default", "order");
        assertThat(order.path("id").asText()).isEqualTo("A-1");
        assertThat(order.path("items")).hasSize(2);
        assertThat(work.metadata("billing", "total").asDouble()).isEqualTo(12.5);
    }

    @Test
    void beansAreWrittenTheWayTheXRaySdkWritesThem() {
        Tracing.run("Work", s -> s.metadata("customer", new Customer("Ada", 36)));

        JsonNode customer = assertThat(tracing.trace()).subsegment("Work").metadata("default", "customer");
        assertThat(customer.path("full_name").asText()).isEqualTo("Ada");
        assertThat(customer.path("age").asInt()).isEqualTo(36);
    }

    @Test
    void aValueThatFailsToSerializeBecomesAPlaceholderAndTheRestSurvives() {
        Tracing.run("Work", s -> s.metadata("broken", new Exploding()).metadata("fine", "still here")
                .annotate("kept", true));

        var work = assertThat(tracing.trace()).subsegment("Work").hasAnnotation("kept", true);
        assertThat(work.metadata("default", "broken").asText()).startsWith("<unserializable ")
                .contains(Exploding.class.getName());
        assertThat(work.metadata("default", "fine").asText()).isEqualTo("still here");
    }

    @Test
    void aCyclicValueIsCutInsteadOfOverflowingTheStack() {
        Map<String, Object> cycle = new java.util.HashMap<>();
        cycle.put("self", cycle);

        Tracing.run("Work", s -> s.metadata("cycle", cycle));

        assertThat(tracing.trace()).subsegment("Work").hasMetadata("default", "cycle");
    }

    public static final class Customer {
        private final String fullName;
        private final int age;

        Customer(String fullName, int age) {
            this.fullName = fullName;
            this.age = age;
        }

        public String getFullName() {
            return fullName;
        }

        public int getAge() {
            return age;
        }
    }

    public static final class Exploding {
        public String getValue() {
            throw new IllegalStateException("cannot read me");
        }
    }
}
