package dev.xraytracing.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xraytracing.Tracing;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The public API of core is the one in docs/api/core.txt: an API change is a deliberate, reviewed change. */
class PublicApiTest {

    @Test
    void thePublicApiIsTheCheckedInOne() throws IOException {
        String api = PublicApi.of(CompiledClasses.ofModuleOf(Tracing.class));

        assertThat(PublicApi.compare(api, "core.txt", "core")).isNull();
    }
}
