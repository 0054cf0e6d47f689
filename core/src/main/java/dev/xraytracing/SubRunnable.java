package dev.xraytracing;

/**
 * A traced body that returns nothing, for {@link Tracing#run(String, SubRunnable)}.
 *
 * @param <E> what the body throws
 */
@FunctionalInterface
public interface SubRunnable<E extends Throwable> {
    void run(Sub sub) throws E;
}
