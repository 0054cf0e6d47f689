package dev.xraytracing.local.internal.services;

import dev.xraytracing.local.events.EventSource;
import dev.xraytracing.local.template.AsyncInvokeConfig;
import dev.xraytracing.local.template.FunctionEvent;
import dev.xraytracing.local.template.TemplateResource;
import java.net.InetSocketAddress;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What a {@link LocalService} gets to start: the template's resources and the functions' events, the Lambda service to
 * invoke (ready once every service has started, before the first request), the endpoints of the services started
 * before it, where the X-Ray daemon listens (for the service's own segments) and where its one-line messages go.
 *
 * @param resources the template's resources, every kind
 * @param events    each function's name to its non-API events
 * @param lambda    invokes a function (asynchronously for event sources: they call it from their own threads)
 * @param endpoints the services started so far, by {@link LocalService#endpointVariable()}
 * @param asyncInvokes each function's name to what its failed asynchronous invocations do; absent: Lambda's default
 */
public record ServiceContext(List<TemplateResource> resources, Map<String, List<FunctionEvent>> events,
                             EventSource.Lambda lambda, Map<String, String> endpoints, String region,
                             String accountId, InetSocketAddress daemon, Consumer<String> say,
                             Map<String, AsyncInvokeConfig> asyncInvokes) {
    public ServiceContext {
        resources = List.copyOf(resources);
        events = Collections.unmodifiableMap(new LinkedHashMap<>(events));
        asyncInvokes = Map.copyOf(asyncInvokes);
    }

    /** A context whose functions all keep Lambda's default for failed asynchronous invocations. */
    public ServiceContext(List<TemplateResource> resources, Map<String, List<FunctionEvent>> events,
                          EventSource.Lambda lambda, Map<String, String> endpoints, String region, String accountId,
                          InetSocketAddress daemon, Consumer<String> say) {
        this(resources, events, lambda, endpoints, region, accountId, daemon, say, Map.of());
    }

    /** What the function's failed asynchronous invocations do. */
    public AsyncInvokeConfig asyncInvoke(String functionName) {
        return asyncInvokes.getOrDefault(functionName, AsyncInvokeConfig.DEFAULT);
    }

    /** The template's resources of one kind, in template order. */
    public <T extends TemplateResource> List<T> resources(Class<T> kind) {
        return resources.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    /** Every function's events of one kind, as (function name, event) pairs in template order. */
    public <T extends FunctionEvent> List<Map.Entry<String, T>> events(Class<T> kind) {
        return events.entrySet().stream()
                .flatMap(e -> e.getValue().stream().filter(kind::isInstance).map(ev -> Map.entry(e.getKey(),
                        kind.cast(ev))))
                .toList();
    }

    /** The endpoint of a service started before this one, e.g. {@code endpoint("AWS_ENDPOINT_URL_SQS")}. */
    public Optional<String> endpoint(String endpointVariable) {
        return Optional.ofNullable(endpoints.get(endpointVariable));
    }
}
