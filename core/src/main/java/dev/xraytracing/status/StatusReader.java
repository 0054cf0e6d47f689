package dev.xraytracing.status;

import dev.xraytracing.internal.TracerCore;

/**
 * Teaches the library how to read the status of a result type, so that {@code Tracing.sub} records a failure when a
 * body returns, say, your HTTP client's 503. Built in: every AWS SDK v2 response (Lambda function errors included)
 * and, when {@code aws-lambda-java-events} is on the classpath, API Gateway proxy responses.
 *
 * <pre>{@code
 * StatusReader.register(HttpResponse.class, response -> CallStatus.of(response.statusCode()));
 * }</pre>
 *
 * @param <T> the result type
 */
@FunctionalInterface
public interface StatusReader<T> {

    /** The status {@code result} carries, or null when it carries none. */
    CallStatus read(T result);

    /**
     * Registers {@code reader} for results of {@code type} with the current tracer (the process-wide default, or the
     * one a test made current); readers registered later are asked first. To give a tracer of your own a reader, use
     * {@code Tracer.Builder.statusReader}.
     */
    static <T> void register(Class<T> type, StatusReader<? super T> reader) {
        TracerCore.current().statusReaders().register(type, reader);
    }
}
