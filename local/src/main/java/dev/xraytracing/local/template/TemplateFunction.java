package dev.xraytracing.local.template;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
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

    /**
     * The function of {@code functions} that {@code functionName} names in any of the forms Lambda takes: a name, a full
     * ARN or a partial ARN ({@code 123456789012:function:name}), each perhaps with a version or alias after a last
     * colon.
     */
    static Optional<TemplateFunction> named(Collection<TemplateFunction> functions, String functionName) {
        String[] parts = functionName.split(":");
        String name = functionName.startsWith("arn:") ? (parts.length > 6 ? parts[6] : functionName)
                : parts.length > 2 && parts[1].equals("function") ? parts[2] : parts[0];
        return functions.stream().filter(function -> function.name().equals(name)).findFirst();
    }

    /** This function with {@code event} after its own: a mapping or notification that another resource declares. */
    TemplateFunction withEvent(FunctionEvent event) {
        List<FunctionEvent> all = new ArrayList<>(events);
        all.add(event);
        return new TemplateFunction(logicalId, name, handler, runtime, memoryMb, timeoutSeconds, tracing, codeUri,
                environment, routes, List.copyOf(all), asyncInvoke, reservedConcurrency);
    }
}
