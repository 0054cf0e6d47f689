package dev.xraytracing.local.internal.services;

import dev.xraytracing.local.events.EventSource;
import dev.xraytracing.local.internal.lambda.InvokeResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Lambda service as an event source sees it, recording each invocation; functions named in {@link #failing}
 * answer with a function error, as a handler that throws does.
 */
public final class RecordingLambda implements EventSource.Lambda {
    /** One invocation: the function as the source named it (name or ARN), the payload, the trace header passed. */
    public record Invocation(String function, String payload, String traceHeader) {
        /** The function's name, from an ARN too. */
        public String functionName() {
            return function.substring(function.lastIndexOf(':') + 1);
        }
    }

    private final List<Invocation> invocations = new CopyOnWriteArrayList<>();
    private final Set<String> failing = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();

    @Override
    public InvokeResponse invoke(String functionName, byte[] payload, String traceHeader) {
        Invocation invocation = new Invocation(functionName, new String(payload, StandardCharsets.UTF_8), traceHeader);
        invocations.add(invocation);
        AtomicInteger left = failuresLeft.get(invocation.functionName());
        if (failing.contains(invocation.functionName()) || left != null && left.getAndDecrement() > 0) {
            return new InvokeResponse(200, "{\"errorMessage\":\"boom\",\"errorType\":\"java.lang.IllegalStateException\"}"
                    .getBytes(StandardCharsets.UTF_8), "Unhandled", null, "req-1");
        }
        return new InvokeResponse(200, "null".getBytes(StandardCharsets.UTF_8), null, null, "req-1");
    }

    /** Makes {@code function} answer with a function error from now on. */
    public RecordingLambda failing(String function) {
        failing.add(function);
        return this;
    }

    /** Makes {@code function} answer its next {@code times} invocations with a function error, then succeed. */
    public RecordingLambda failingFirst(String function, int times) {
        failuresLeft.put(function, new AtomicInteger(times));
        return this;
    }

    public List<Invocation> invocations() {
        return new ArrayList<>(invocations);
    }

    public List<Invocation> invocationsOf(String function) {
        return invocations.stream().filter(i -> i.functionName().equals(function)).toList();
    }
}
