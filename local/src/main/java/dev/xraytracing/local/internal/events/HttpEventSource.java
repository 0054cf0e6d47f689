package dev.xraytracing.local.internal.events;

import com.sun.net.httpserver.HttpExchange;
import dev.xraytracing.local.events.EventSource;
import dev.xraytracing.local.internal.LoopbackServer;
import java.io.IOException;

/**
 * An event source that clients reach over HTTP on 127.0.0.1 (API Gateway's stages; an SQS, SNS or EventBridge
 * endpoint would be one too): its server, bound at once, and the Lambda service it invokes once started.
 */
abstract class HttpEventSource implements EventSource {
    private final LoopbackServer server;
    private volatile EventSource.Lambda lambda;

    /** Binds {@code port} (0: a free one) now; a port in use fails in one line naming {@code what}. */
    HttpEventSource(String what, String threadName, int port) {
        this.server = new LoopbackServer(what, threadName, port, this::handle);
    }

    /** Serves one request; called only once started. */
    abstract void handle(HttpExchange exchange) throws IOException;

    /** The Lambda service this source invokes. */
    final EventSource.Lambda lambda() {
        return lambda;
    }

    /** {@code http://127.0.0.1:<port>}. */
    final String root() {
        return "http://127.0.0.1:" + server.port();
    }

    @Override
    public final void start(EventSource.Lambda lambdaService) {
        this.lambda = lambdaService;
        server.start();
    }

    @Override
    public final void close() {
        server.stop();
    }
}
