package dev.xraytracing.testing;

import dev.xraytracing.internal.config.ConfigKey;
import dev.xraytracing.internal.config.Configuration;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The backend the test kit's tracers use, chosen as the library chooses it: X-Ray, unless
 * {@code XRAY_TRACING_BACKEND} says {@code opentelemetry}. The OpenTelemetry one is found by name, so the kit needs
 * no dependency on it.
 */
final class KitBackend {
    static final String ROUND_TRIP = "dev.xraytracing.otel.internal.DocumentRoundTrip";

    private KitBackend() {
    }

    @SuppressWarnings("unchecked")
    static Consumer<String> route(Consumer<String> documents) {
        String backend = Configuration.process().value(ConfigKey.BACKEND);
        if (backend == null || !backend.trim().toLowerCase(Locale.ROOT).equals("opentelemetry")) {
            return documents;
        }
        try {
            Class<?> type = Class.forName(ROUND_TRIP, true, KitBackend.class.getClassLoader());
            return ((UnaryOperator<Consumer<String>>) type.getDeclaredConstructor().newInstance()).apply(documents);
        } catch (ClassNotFoundException absent) {
            throw new IllegalStateException("XRAY_TRACING_BACKEND=" + backend
                    + " but xray-tracing-otel is not on the test class path", absent);
        } catch (ReflectiveOperationException failure) {
            throw new IllegalStateException("could not start the OpenTelemetry backend of the test kit", failure);
        }
    }
}
