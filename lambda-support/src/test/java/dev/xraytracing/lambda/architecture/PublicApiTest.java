package dev.xraytracing.lambda.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xraytracing.lambda.TracedHandler;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The public API of lambda-support is the one in docs/api/lambda-support.txt. */
class PublicApiTest {

    @Test
    void thePublicApiIsTheCheckedInOne() throws IOException {
        String api = PublicApi.of(CompiledClasses.ofModuleOf(TracedHandler.class));

        assertThat(PublicApi.compare(api, "lambda-support.txt", "lambda-support")).isNull();
    }
}
