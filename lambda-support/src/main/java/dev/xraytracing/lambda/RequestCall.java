package dev.xraytracing.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.xraytracing.lambda.internal.InvocationTracer;

/**
 * One invocation of a request handler's own code, as the body the invocation tracer runs: a {@link
 * TracedRequestHandler}'s {@code handle}, or the {@code handleRequest} of a handler {@link TracedHandler} wraps. A named
 * class, not a lambda: each lambda costs a spun class on a cold start (docs/benchmarks.md).
 */
final class RequestCall<I, O> implements InvocationTracer.Body<O> {
    private final TracedRequestHandler<I, O> traced;
    private final RequestHandler<I, O> wrapped;
    private final I input;
    private final Context context;

    private RequestCall(TracedRequestHandler<I, O> traced, RequestHandler<I, O> wrapped, I input, Context context) {
        this.traced = traced;
        this.wrapped = wrapped;
        this.input = input;
        this.context = context;
    }

    static <I, O> RequestCall<I, O> of(TracedRequestHandler<I, O> handler, I input, Context context) {
        return new RequestCall<>(handler, null, input, context);
    }

    static <I, O> RequestCall<I, O> wrapping(RequestHandler<I, O> handler, I input, Context context) {
        return new RequestCall<>(null, handler, input, context);
    }

    @Override
    public O run() throws Exception {
        return traced != null ? traced.handle(input, context) : wrapped.handleRequest(input, context);
    }
}
