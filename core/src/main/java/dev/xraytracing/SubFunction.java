package dev.xraytracing;

/**
 * A traced body that returns a value, for {@link Tracing#sub(String, SubFunction)}. It may throw any exception,
 * checked ones included; the call site declares only what the body really throws.
 *
 * @param <T> the body's result
 * @param <E> what the body throws
 */
@FunctionalInterface
public interface SubFunction<T, E extends Throwable> {
    T apply(Sub sub) throws E;
}
