package dev.xraytracing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.xray.strategy.sampling.LocalizedSamplingStrategy;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LocalSamplingRulesTest {

    @Test
    void theDocumentedExampleRulesAreAccepted() throws Exception {
        Path example = Path.of("..", "docs", "sampling-rules.json");
        LocalSampling sampling = new LocalSampling(new LocalizedSamplingStrategy(example.toUri().toURL()));

        assertThat(sampling.shouldTrace("OrderService", "GET", "/health")).isFalse();
        assertThat(sampling.shouldTrace("OrderService", "GET", "/orders/1")).isTrue(); // the first of this second
    }

    @Test
    void aMissingRulesFileFallsBackToTheDefaultsWithAWarning() {
        assertThat(LocalSampling.locate("no/such/rules.json")).isNull();
    }
}
