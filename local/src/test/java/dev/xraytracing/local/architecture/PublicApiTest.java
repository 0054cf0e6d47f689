package dev.xraytracing.local.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xraytracing.architecture.CompiledClasses;
import dev.xraytracing.architecture.PublicApi;
import dev.xraytracing.local.LocalPlatform;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The public API of local is the one in docs/api/local.txt: an API change is a deliberate, reviewed change. */
class PublicApiTest {

    @Test
    void localPublicApiIsTheCheckedInOne() throws IOException {
        String api = PublicApi.of(CompiledClasses.ofModuleOf(LocalPlatform.class));

        assertThat(PublicApi.compare(api, "local.txt", "local")).isNull();
    }
}
