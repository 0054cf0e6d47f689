package dev.xraytracing.local.events;

import dev.xraytracing.local.internal.lambda.InvokeResponse;
import java.util.List;

/**
 * Something that turns outside requests into Lambda invocations, as an AWS event source does: API Gateway REST APIs
 * ({@code ApiGatewayStage}, payload format 1.0) and HTTP APIs ({@code HttpApiStage}, payload 2.0) so far, both in
 * {@code dev.xraytracing.local.internal.events}. {@code LocalPlatform} starts each with the Lambda service's
 * {@code invoke} and closes it before the service.
 */
public interface EventSource extends AutoCloseable {
    /** The Lambda service as an event source sees it: invoke a function with a payload and a trace header. */
    @FunctionalInterface
    interface Lambda {
        InvokeResponse invoke(String functionName, byte[] payload, String traceHeader);

        /**
         * An event source mapping's invocation (a batch polled from a queue): a new trace, whose Lambda service
         * segment links to the traces of the messages' producers, given as their {@code AWSTraceHeader}s.
         */
        default InvokeResponse invokeLinkedTo(String functionName, byte[] payload, List<String> producerHeaders) {
            return invoke(functionName, payload, null);
        }
    }

    /** Where clients send their requests, e.g. {@code http://127.0.0.1:54321/prod}. */
    String url();

    /** Starts taking requests; the URL is known before. */
    void start(Lambda lambda);

    @Override
    void close();
}
