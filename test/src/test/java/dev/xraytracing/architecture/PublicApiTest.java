package dev.xraytracing.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xraytracing.Tracing;
import dev.xraytracing.filter.FilterExpression;
import dev.xraytracing.lambda.TracedHandler;
import dev.xraytracing.otel.OpenTelemetryExport;
import dev.xraytracing.testing.TracingExtension;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * The public API of each module is the one in docs/api/&lt;module&gt;.txt: an API change is a deliberate, reviewed change.
 */
class PublicApiTest {

    @Test
    void corePublicApiIsTheCheckedInOne() throws IOException {
        String api = PublicApi.of(CompiledClasses.ofModuleOf(Tracing.class));

        assertThat(PublicApi.compare(api, "core.txt", "core")).isNull();
    }

    @Test
    void lambdaSupportPublicApiIsTheCheckedInOne() throws IOException {
        String api = PublicApi.of(CompiledClasses.ofModuleOf(TracedHandler.class));

        assertThat(PublicApi.compare(api, "lambda-support.txt", "lambda-support")).isNull();
    }

    @Test
    void theTestKitsPublicApiIsTheCheckedInOne() throws IOException {
        String api = PublicApi.of(CompiledClasses.ofModuleOf(TracingExtension.class));

        assertThat(PublicApi.compare(api, "test.txt", "test")).isNull();
    }

    @Test
    void filterPublicApiIsTheCheckedInOne() throws IOException {
        String api = PublicApi.of(CompiledClasses.ofModuleOf(FilterExpression.class));

        assertThat(PublicApi.compare(api, "filter.txt", "filter")).isNull();
    }

    @Test
    void openTelemetryBackendsPublicApiIsTheCheckedInOne() throws IOException {
        String api = PublicApi.of(CompiledClasses.ofModuleOf(OpenTelemetryExport.class));

        assertThat(PublicApi.compare(api, "otel.txt", "otel")).isNull();
    }
}
