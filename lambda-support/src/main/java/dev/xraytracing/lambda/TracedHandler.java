package dev.xraytracing.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.xraytracing.lambda.internal.InvocationTracer;
import java.io.IOException;
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
        return new Request<>(handler, settings);
    }

    public static RequestStreamHandler ofStream(RequestStreamHandler handler) {
        return ofStream(handler, HandlerTracing.defaults());
    }

    public static RequestStreamHandler ofStream(RequestStreamHandler handler, HandlerTracing tracing) {
        return new Stream(handler, tracing); // its constructor prepares, as for a handler of its own
    }

    // Named classes, not lambdas: each lambda costs a spun class on a cold start (docs/benchmarks.md).

    private static final class Request<I, O> implements RequestHandler<I, O> {
        private final RequestHandler<I, O> handler;
        private final HandlerTracing tracing;

        Request(RequestHandler<I, O> handler, HandlerTracing tracing) {
            this.handler = handler;
            this.tracing = tracing;
        }

        @Override
        public O handleRequest(I input, Context context) {
            return InvocationTracer.trace(tracing.settings(), context, RequestCall.wrapping(handler, input, context));
        }
    }

    /** The wrapped stream handler as a {@link TracedStreamHandler}, which traces it as it traces its own. */
    private static final class Stream extends TracedStreamHandler {
        private final RequestStreamHandler handler;

        Stream(RequestStreamHandler handler, HandlerTracing tracing) {
            super(tracing);
            this.handler = handler;
        }

        @Override
        protected void handle(InputStream input, OutputStream output, Context context) throws IOException {
            handler.handleRequest(input, output, context);
        }
    }
}
