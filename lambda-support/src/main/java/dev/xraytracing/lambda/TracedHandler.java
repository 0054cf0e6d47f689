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
        return new Request<>(handler, settings);
    }

    public static RequestStreamHandler ofStream(RequestStreamHandler handler) {
        return ofStream(handler, HandlerTracing.defaults());
    }

    public static RequestStreamHandler ofStream(RequestStreamHandler handler, HandlerTracing tracing) {
        HandlerTracing settings = tracing != null ? tracing : HandlerTracing.defaults();
        InvocationTracer.prepare();
        return new Stream(handler, settings);
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
            return InvocationTracer.trace(tracing.settings(), context, new RequestCall<>(handler, input, context));
        }
    }

    private static final class RequestCall<I, O> implements InvocationTracer.Body<O> {
        private final RequestHandler<I, O> handler;
        private final I input;
        private final Context context;

        RequestCall(RequestHandler<I, O> handler, I input, Context context) {
            this.handler = handler;
            this.input = input;
            this.context = context;
        }

        @Override
        public O run() {
            return handler.handleRequest(input, context);
        }
    }

    private static final class Stream implements RequestStreamHandler {
        private final RequestStreamHandler handler;
        private final HandlerTracing tracing;

        Stream(RequestStreamHandler handler, HandlerTracing tracing) {
            this.handler = handler;
            this.tracing = tracing;
        }

        @Override
        public void handleRequest(InputStream input, OutputStream output, Context context) {
            InvocationTracer.trace(tracing.settings(), context, new StreamCall(handler, input, output, context));
        }
    }

    private static final class StreamCall implements InvocationTracer.Body<Object> {
        private final RequestStreamHandler handler;
        private final InputStream input;
        private final OutputStream output;
        private final Context context;

        StreamCall(RequestStreamHandler handler, InputStream input, OutputStream output, Context context) {
            this.handler = handler;
            this.input = input;
            this.output = output;
            this.context = context;
        }

        @Override
        public Object run() throws Exception {
            handler.handleRequest(input, output, context);
            return InvocationTracer.NO_RESPONSE;
        }
    }
}
