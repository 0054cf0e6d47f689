package dev.xraytracing.examples.orders;

import dev.xraytracing.local.LocalPlatform;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Temporary, until {@code LocalPlatform.serviceEndpoint} and {@code awaitQuiet} are merged (they are being built beside
 * this test): the same two answers, read from the platform's running services.
 */
final class TrialShim {
    static Object appServices(LocalPlatform platform) {
        try {
            Field services = LocalPlatform.class.getDeclaredField("services");
            services.setAccessible(true);
            Object running = services.get(platform);
            Field app = running.getClass().getDeclaredField("appServices");
            app.setAccessible(true);
            return app.get(running);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Optional<String> endpoint(LocalPlatform platform, String variable) {
        try {
            Object app = appServices(platform);
            Map<String, String> endpoints = (Map<String, String>) app.getClass().getMethod("endpoints").invoke(app);
            return Optional.ofNullable(endpoints.get(variable));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean awaitQuiet(LocalPlatform platform, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        int quietPolls = 0;
        try {
            Object app = appServices(platform);
            while (System.nanoTime() < end) {
                boolean quiet = (Boolean) app.getClass().getMethod("quiet").invoke(app);
                quietPolls = quiet ? quietPolls + 1 : 0;
                if (quietPolls >= 30) {
                    return true;
                }
                Thread.sleep(100);
            }
        } catch (ReflectiveOperationException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
        return false;
    }
}
