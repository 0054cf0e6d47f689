package dev.xraytracing.local.internal.services;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The services a template needs, started in dependency order (a topic delivers to queues, a bus to topics and queues,
 * so the queues start first) and stopped in reverse. A service starts only when the template declares one of its
 * resources or events: the examples' template starts none. Each kind is one row of the table it is given.
 */
public final class LocalServices implements AutoCloseable {
    /**
     * One kind of service: when the template needs it, and how it starts. The table of kinds lives above this
     * package (each kind's package depends on this one), in {@code dev.xraytracing.local.internal.services.catalog.ServiceCatalog}.
     */
    public record Kind(String name, Predicate<ServiceContext> needed, Function<ServiceContext, LocalService> start) {
    }

    private final List<LocalService> started = new ArrayList<>();
    private final Map<String, String> endpoints = new LinkedHashMap<>();

    private LocalServices() {
    }

    /**
     * Starts every service of {@code kinds} (in their order) that {@code context} needs; a service that cannot start (its engine is missing) says so in one
     * line and the rest of the app still runs. {@code context.endpoints()} must be a mutable map: each service's
     * endpoint is added before the next one starts.
     */
    public static LocalServices start(ServiceContext context, List<Kind> kinds) {
        LocalServices services = new LocalServices();
        try {
            for (Kind kind : kinds) {
                if (kind.needed().test(context)) {
                    LocalService service = kind.start().apply(context);
                    services.started.add(service);
                    services.endpoints.put(service.endpointVariable(), service.endpoint());
                    context.endpoints().put(service.endpointVariable(), service.endpoint());
                }
            }
        } catch (RuntimeException e) {
            services.close();
            throw e;
        }
        return services;
    }

    /** The variables that point functions at the started services, e.g. {@code AWS_ENDPOINT_URL_SQS}. */
    public Map<String, String> endpoints() {
        return Map.copyOf(endpoints);
    }

    public List<String> problems() {
        return started.stream().flatMap(s -> s.problems().stream()).toList();
    }

    /** Whether every service is quiet (nothing in flight or waiting). */
    public boolean quiet() {
        return started.stream().allMatch(LocalService::quiet);
    }

    /** The started service that fires schedules on demand, if the template needed one. */
    public java.util.Optional<FiresSchedules> schedules() {
        return started.stream().filter(FiresSchedules.class::isInstance).map(FiresSchedules.class::cast).findFirst();
    }

    public List<String> summary() {
        return started.stream().flatMap(s -> s.summary().stream()).toList();
    }

    /** Stops the services, the last started first. */
    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (RuntimeException e) {
                // stopping the others matters more
            }
        }
        started.clear();
    }
}
