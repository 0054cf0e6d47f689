package dev.xraytracing.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.xraytracing.lambda.internal.InvocationTracer;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A {@link RequestStreamHandler} whose every invocation is traced, as {@link TracedRequestHandler} describes. The
 * response is written to the stream, so response capture records nothing here; errors are captured as usual.
 */
public abstract class TracedStreamHandler implements RequestStreamHandler {
    private final HandlerTracing tracing;

    protected TracedStreamHandler() {
        this(HandlerTracing.defaults());
    }

    protected TracedStreamHandler(HandlerTracing tracing) {
        this.tracing = tracing != null ? tracing : HandlerTracing.defaults();
        InvocationTracer.prepare();
    }

    /** Handles one invocation; runs inside the handler subsegment when the invocation is traced. */
    protected abstract void handle(InputStream input, OutputStream output, Context context) throws Exception;

    @Override
    public final void handleRequest(InputStream input, OutputStream output, Context context) {
        InvocationTracer.trace(tracing.settings(), context, new Invocation(this, input, output, context));
    }

    /** One invocation's {@link #handle} call; a named class, not a lambda, as {@link RequestCall} says why. */
    private static final class Invocation implements InvocationTracer.Body<Object> {
        private final TracedStreamHandler handler;
        private final InputStream input;
        private final OutputStream output;
        private final Context context;

        Invocation(TracedStreamHandler handler, InputStream input, OutputStream output, Context context) {
            this.handler = handler;
            this.input = input;
            this.output = output;
            this.context = context;
        }

        @Override
        public Object run() throws Exception {
            handler.handle(input, output, context);
            return InvocationTracer.NO_RESPONSE;
        }
    }
}
