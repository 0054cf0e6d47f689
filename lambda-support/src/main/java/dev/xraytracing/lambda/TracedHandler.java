package dev.xraytracing.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.xraytracing.lambda.internal.InvocationTracer;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Traces a handler that cannot extend {@link TracedRequestHandler} or {@link TracedStreamHandler}: the returned
 * handler behaves like the given one and records each invocation the same way.
 *
 * <pre>{@code
 * public class Handler implements RequestHandler<Map<String, String>, String> {
 *     private final RequestHandler<Map<String, String>, String> traced = TracedHandler.of(new GreetingHandler());
 *
 *     public String handleRequest(Map<String, String> event, Context context) {
 *         return traced.handleRequest(event, context);
 *     }
 * }
 * }</pre>
 */
public final class TracedHandler {
    private TracedHandler() {
    }

    public static <I, O> RequestHandler<I, O> of(RequestHandler<I, O> handler) {
        return of(handler, HandlerTracing.defaults());
    }

    public static <I, O> RequestHandler<I, O> of(RequestHandler<I, O> handler, HandlerTracing tracing) {
        HandlerTracing settings = tracing != null ? tracing : HandlerTracing.defaults();
        InvocationTracer.prepare();
        return (input, context) -> InvocationTracer.trace(settings.settings(), context,
                () -> handler.handleRequest(input, context));
    }

    public static RequestStreamHandler ofStream(RequestStreamHandler handler) {
        return ofStream(handler, HandlerTracing.defaults());
    }

    public static RequestStreamHandler ofStream(RequestStreamHandler handler, HandlerTracing tracing) {
        HandlerTracing settings = tracing != null ? tracing : HandlerTracing.defaults();
        InvocationTracer.prepare();
        return (InputStream input, OutputStream output, Context context) -> InvocationTracer.trace(settings.settings(), context,
                () -> {
                    handler.handleRequest(input, output, context);
                    return InvocationTracer.NO_RESPONSE;
                });
    }
}
