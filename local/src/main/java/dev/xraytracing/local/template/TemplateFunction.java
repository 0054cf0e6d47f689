package dev.xraytracing.local.template;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One {@code AWS::Serverless::Function} as the local run uses it, {@code Globals.Function} merged in.
 *
 * @param name      the function's name: its {@code FunctionName}, else its logical id
 * @param codeUri   where its code is, resolved against the template's folder (empty: none given)
 * @param tracing   {@code Active} or {@code PassThrough} (the default)
 * @param routes    its API events
 * @param events    its other events (queues, topics, rules, schedules, buckets), for the event sources
 * @param asyncInvoke what its asynchronous invocations do when they fail (retries, destination, dead-letter queue)
 * @param reservedConcurrency its {@code ReservedConcurrentExecutions}: the most invocations it runs at once (empty:
 *                    none reserved)
 */
public record TemplateFunction(String logicalId, String name, String handler, String runtime, int memoryMb,
                               int timeoutSeconds, String tracing, Optional<Path> codeUri,
                               Map<String, String> environment, List<ApiRoute> routes,
                               List<FunctionEvent> events, AsyncInvokeConfig asyncInvoke,
                               OptionalInt reservedConcurrency) {

    public boolean activeTracing() {
        return "Active".equalsIgnoreCase(tracing);
    }

    /** This function with {@code event} after its own: a mapping or notification that another resource declares. */
    TemplateFunction withEvent(FunctionEvent event) {
        List<FunctionEvent> all = new java.util.ArrayList<>(events);
        all.add(event);
        return new TemplateFunction(logicalId, name, handler, runtime, memoryMb, timeoutSeconds, tracing, codeUri,
                environment, routes, List.copyOf(all), asyncInvoke, reservedConcurrency);
    }
}
