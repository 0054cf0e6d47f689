package dev.xraytracing.local.internal;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.util.concurrent.ExecutorService;

/** One JDK HTTP server on 127.0.0.1 with its own daemon threads, serving every path with one handler. */
public final class LoopbackServer {
    private final HttpServer server;
    private final ExecutorService executor;

    /** Binds at once (a port in use fails in one line); serves only after {@link #start()}. */
    public LoopbackServer(String what, String threadName, int port, HttpHandler handler) {
        this.server = HttpServers.bind(what, port);
        this.executor = HttpServers.executor(threadName);
        server.setExecutor(executor);
        server.createContext("/", handler);
    }

    public void start() {
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public void stop() {
        server.stop(0);
        executor.shutdownNow();
    }
}
