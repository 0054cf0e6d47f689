package dev.xraytracing.local;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One function of the local platform: its name, its handler as Lambda's {@code _HANDLER} names it
 * ({@code com.example.MyHandler} or {@code com.example.MyHandler::handleRequest}), extra environment variables and its
 * timeout. The handler class is loaded from the platform's classpath in the function's own JVM.
 */
public final class LocalFunction {
    private final String name;
    private final String handler;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private Duration timeout = Duration.ofSeconds(30);
    private int memoryMb = 512;

    private LocalFunction(String name, String handler) {
        this.name = Objects.requireNonNull(name, "name");
        this.handler = Objects.requireNonNull(handler, "handler");
    }

    public static LocalFunction of(String name, String handler) {
        return new LocalFunction(name, handler);
    }

    /** Adds an environment variable the function sees (besides those Lambda sets). */
    public LocalFunction env(String key, String value) {
        environment.put(key, value);
        return this;
    }

    public LocalFunction timeout(Duration timeout) {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        return this;
    }

    public LocalFunction memoryMb(int memoryMb) {
        this.memoryMb = memoryMb;
        return this;
    }

    public String name() {
        return name;
    }

    public String handler() {
        return handler;
    }

    public Map<String, String> environment() {
        return Map.copyOf(environment);
    }

    public Duration timeout() {
        return timeout;
    }

    public int memoryMb() {
        return memoryMb;
    }

    @Override
    public String toString() {
        return name + " (" + handler + ")";
    }
}
