package dev.xraytracing.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.xraytracing.internal.TracerCore;
import dev.xraytracing.internal.config.ConfigKey;
import dev.xraytracing.internal.config.Configuration;
import dev.xraytracing.lambda.internal.InvocationTracer;
import dev.xraytracing.lambda.internal.RuntimeSerialization;
import java.io.InputStream;
import java.io.OutputStream;

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
 *
 * <p>Both handler strings work: {@code com.example.OrderHandler} and {@code com.example.OrderHandler::handleRequest}.
 * With a method name, Lambda's runtime picks the {@code handleRequest} overload with the longest signature, the
 * stream one below, which reads the event and writes the response with the serializers the runtime would have chosen
 * for {@code Order} and {@code Receipt}.
 */
public abstract class TracedRequestHandler<I, O> implements RequestHandler<I, O> {
    private final HandlerTracing tracing;
    /** Null when this class's types could not be read; {@link #serializationFailure} then says why. */
    private final RuntimeSerialization serialization;
    private final Throwable serializationFailure;

    protected TracedRequestHandler() {
        this(HandlerTracing.defaults());
    }

    protected TracedRequestHandler(HandlerTracing tracing) {
        this.tracing = tracing != null ? tracing : HandlerTracing.defaults();
        RuntimeSerialization found = null;
        Throwable failure = null;
        try {
            found = RuntimeSerialization.of(getClass(), TracedRequestHandler.class);
        } catch (RuntimeException | LinkageError e) {
            // A type argument whose class is missing, or the serialization library left out of the package: the
            // class-only handler string does not need it, so only Class::handleRequest will report it.
            failure = e;
        }
        this.serialization = found;
        this.serializationFailure = failure;
        InvocationTracer.prepare();
        prepareSerializers();
    }

    /** Handles one invocation; runs inside the handler subsegment when the invocation is traced. */
    protected abstract O handle(I input, Context context) throws Exception;

    @Override
    public final O handleRequest(I input, Context context) {
        return InvocationTracer.trace(tracing.settings(), context, input, RequestCall.of(this, input, context));
    }

    /**
     * What Lambda's runtime calls for the handler string {@code Class::handleRequest}: reads the event as the runtime
     * reads an {@code I}, runs {@link #handleRequest(Object, Context)}, and writes the response as the runtime writes
     * an {@code O}, byte for byte. The class-only handler string never calls it.
     */
    @SuppressWarnings("unchecked")
    public final void handleRequest(InputStream input, OutputStream output, Context context) {
        if (serialization == null) {
            throw new IllegalStateException("cannot read events for " + getClass().getName() + "::handleRequest ("
                    + serializationFailure + "); name the class alone as the handler, or package "
                    + "com.amazonaws:aws-lambda-java-serialization", serializationFailure);
        }
        I event = (I) serialization.read(input, context);
        O response = handleRequest(event, context);
        serialization.write(response, output, context);
    }

    /**
     * With a method in the handler string, the runtime builds no serializer itself; build ours during init, as it
     * would have, so that the first request does not pay for it.
     */
    private void prepareSerializers() {
        String handler = Configuration.process().value(ConfigKey.HANDLER);
        if (handler == null || !handler.contains("::") || serialization == null) {
            return;
        }
        try {
            serialization.prepare();
        } catch (RuntimeException | LinkageError failure) {
            TracerCore.current().warnings().warn("lambda:serializers:" + failure.getClass().getName(),
                    "could not prepare the event serializers during init; the first request will", failure);
        }
    }
}
