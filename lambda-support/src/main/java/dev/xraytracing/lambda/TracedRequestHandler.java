package dev.xraytracing.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.xraytracing.lambda.internal.InvocationTracer;

/**
 * A {@link RequestHandler} whose every invocation is traced: extend it and implement {@link #handle}.
 *
 * <pre>{@code
 * public class OrderHandler extends TracedRequestHandler<Order, Receipt> {
 *     protected Receipt handle(Order order, Context context) {
 *         Tracing.annotate("OrderId", order.id());          // lands on "## handleRequest"
 *         return Tracing.sub("SaveOrder", s -> repository.save(order));
 *     }
 * }
 * }</pre>
 *
 * <p>Each sampled invocation gets a subsegment ({@code ## handleRequest} by default) under the function segment,
 * annotated with {@code ColdStart}, {@code Service} and {@code RequestId}; an exception from {@code handle} is recorded
 * there with fault set and rethrown unchanged, checked ones too. The subsegment is sent before the handler returns.
 * Unsampled invocations, or invocations outside Lambda, run {@code handle} with next to no overhead.
 */
public abstract class TracedRequestHandler<I, O> implements RequestHandler<I, O> {
    private final HandlerTracing tracing;

    protected TracedRequestHandler() {
        this(HandlerTracing.defaults());
    }

    protected TracedRequestHandler(HandlerTracing tracing) {
        this.tracing = tracing != null ? tracing : HandlerTracing.defaults();
        InvocationTracer.prepare();
    }

    /** Handles one invocation; runs inside the handler subsegment when the invocation is traced. */
    protected abstract O handle(I input, Context context) throws Exception;

    @Override
    public final O handleRequest(I input, Context context) {
        return InvocationTracer.trace(tracing.settings(), context, () -> handle(input, context));
    }
}
