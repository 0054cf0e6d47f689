package dev.xraytracing.local.internal.services;

import com.sun.net.httpserver.HttpExchange;
import dev.xraytracing.local.internal.LoopbackServer;
import java.io.IOException;
import java.util.List;

/**
 * What SNS, EventBridge and the schedules share: an API on a loopback server, and deliveries to functions, queues and
 * topics that run asynchronously and are counted. Quiet while no delivery is pending; its summary is one line per
 * failed delivery. A subclass's constructor ends with {@link #serveAfter}.
 */
public abstract class DeliveringService implements LocalService {
    protected final ServiceContext context;
    protected final Deliveries deliveries;
    protected final Targets targets;
    private final LoopbackServer server;

    /** {@code what} names the server in errors; {@code threadName} prefixes its and its deliveries' threads. */
    protected DeliveringService(ServiceContext context, String what, String threadName) {
        this.context = context;
        this.deliveries = new Deliveries(threadName + "-delivery");
        this.targets = new Targets(context);
        this.server = new LoopbackServer(what, threadName, 0, this::handle);
    }

    /** Answers one request of the service's API. */
    protected abstract void handle(HttpExchange exchange) throws IOException;

    /**
     * Creates what the template declares with {@code create}, then starts answering requests; should {@code create}
     * fail, this service is closed and the failure thrown.
     */
    protected final void serveAfter(Runnable create) {
        try {
            create.run();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        server.start();
    }

    @Override
    public String endpoint() {
        return "http://127.0.0.1:" + server.port();
    }

    /** Whether no delivery is pending or running. */
    @Override
    public boolean quiet() {
        return deliveries.quiet();
    }

    /** One line for each delivery that failed. */
    @Override
    public List<String> summary() {
        return deliveries.failures();
    }

    @Override
    public void close() {
        server.stop();
        deliveries.close();
        targets.close();
    }
}
