package dev.xraytracing.local.internal.services;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The services a template needs, started in dependency order (a topic delivers to queues, a bus to topics and queues,
 * so the queues start first) and stopped in reverse. A service starts only when the template declares one of its
 * resources or events: the examples' template starts none. Each kind is one row of the table it is given.
 */
public final class LocalServices implements AutoCloseable {
    /**
     * One kind of service: when the template needs it, when it starts and how. The table of kinds lives above this
     * package (each kind's package depends on this one), in
     * {@code dev.xraytracing.local.internal.services.catalog.ServiceCatalog}.
     */
    public record Kind(String name, Stage stage, Predicate<ServiceContext> needed,
                       Function<ServiceContext, LocalService> start) {
    }

    /** When a kind starts. */
    public enum Stage {
        /** An engine that delivers to nothing but functions: the engines start together, first (seconds each). */
        ENGINE,
        /** A service that delivers to others: after the engines, one at a time in the table's order. */
        DELIVERY
    }

    private final List<LocalService> started = new ArrayList<>();
    private final Map<String, String> endpoints = new LinkedHashMap<>();

    private LocalServices() {
    }

    /**
     * Starts every service of {@code kinds} that {@code context} needs: the {@link Stage#ENGINE engines} side by side
     * (a table's, a bucket's and a queue's engine each take seconds), then the others in the table's order. A service
     * that cannot start (its engine is missing) says so in one line and the rest of the app still runs.
     * {@code context.endpoints()} must be a mutable map: each service's endpoint is added before the next stage.
     */
    public static LocalServices start(ServiceContext context, List<Kind> kinds) {
        LocalServices services = new LocalServices();
        Object sayLock = new Object();
        ServiceContext shared = new ServiceContext(context.resources(), context.events(), context.lambda(),
                context.endpoints(), context.region(), context.accountId(), context.daemon(), line -> {
                    synchronized (sayLock) {
                        context.say().accept(line);
                    }
                }, context.asyncInvokes());
        List<Kind> needed = kinds.stream().filter(kind -> kind.needed().test(context)).toList();
        List<CompletableFuture<LocalService>> engines = new ArrayList<>();
        try {
            for (Kind kind : needed) {
                if (kind.stage() == Stage.ENGINE) {
                    engines.add(CompletableFuture.supplyAsync(() -> kind.start().apply(shared),
                            runnable -> startThread(kind, runnable)));
                }
            }
            while (!engines.isEmpty()) {
                services.add(context, engines.get(0).join());
                engines.remove(0);
            }
            for (Kind kind : needed) {
                if (kind.stage() == Stage.DELIVERY) {
                    services.add(context, kind.start().apply(shared));
                }
            }
        } catch (RuntimeException e) {
            // the engines not added yet stop once started (or failed); those added stop with the rest
            engines.forEach(engine -> engine.thenAccept(LocalService::close));
            services.close();
            throw e instanceof CompletionException && e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        return services;
    }

    private void add(ServiceContext context, LocalService service) {
        started.add(service);
        endpoints.put(service.endpointVariable(), service.endpoint());
        context.endpoints().put(service.endpointVariable(), service.endpoint());
    }

    private static void startThread(Kind kind, Runnable runnable) {
        Thread thread = new Thread(runnable, "local-start-" + kind.name());
        thread.setDaemon(true);
        thread.start();
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
