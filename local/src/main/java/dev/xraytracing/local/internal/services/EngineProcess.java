package dev.xraytracing.local.internal.services;

import dev.xraytracing.local.app.LocalRunException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * An engine that runs as a child process (dynalite on Node.js, S3Mock in its own JVM) and serves HTTP on 127.0.0.1:
 * started, awaited until it answers, and killed on {@link #close()} or, should the run not get there, when this JVM
 * exits. Its output goes to a log file, whose end is quoted when it fails to start.
 */
public final class EngineProcess implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final String name;
    private final Process process;
    private final Path log;
    private final Thread killer;
    private final int port;

    private EngineProcess(String name, Process process, Path log, int port) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.port = port;
        this.killer = new Thread(this::kill, name + "-killer");
        Runtime.getRuntime().addShutdownHook(killer);
    }

    /**
     * Starts the engine on a free port of 127.0.0.1 ({@code command} of that port) and waits until it answers
     * {@code http://127.0.0.1:port/} with any HTTP status. An engine that is told its port cannot take 0 and say
     * which, so a port is picked free first; should another process take it in between, the engine exits and is
     * started again on another, up to three times. An engine that fails otherwise, or does not answer in time, fails
     * in one line quoting its log.
     */
    public static EngineProcess startOnFreePort(String name, IntFunction<List<String>> command) {
        for (int attempt = 1; ; attempt++) {
            int port = freePort();
            EngineProcess engine = launch(name, command.apply(port), port);
            String failure;
            try {
                failure = engine.awaitAnswer();
            } catch (RuntimeException e) {
                engine.close();
                throw e;
            }
            if (failure == null) {
                return engine;
            }
            boolean exited = !engine.process.isAlive();
            engine.close();
            if (!exited || attempt == 3) {
                throw new LocalRunException(failure);
            }
        }
    }

    private static EngineProcess launch(String name, List<String> command, int port) {
        try {
            Path log = Files.createTempFile("xray-tracing-local-" + name.replaceAll("\\W", "") + "-", ".log");
            log.toFile().deleteOnExit();
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                    .start();
            return new EngineProcess(name, process, log, port);
        } catch (IOException e) {
            throw new LocalRunException(name + " could not start: " + e.getMessage(), e);
        }
    }

    /** A port on 127.0.0.1 free now. */
    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    /** Null once the engine answers, else why it will not. */
    private String awaitAnswer() {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest probe = HttpRequest.newBuilder(URI.create(endpoint() + "/")).timeout(Duration.ofSeconds(5))
                .GET().build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                return name + " exited with status " + process.exitValue() + " before it answered: " + logTail();
            }
            try {
                client.send(probe, HttpResponse.BodyHandlers.discarding());
                return null;
            } catch (IOException e) {
                sleep();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return name + ": interrupted while it started";
            }
        }
        return name + " did not answer on " + endpoint() + " within " + START_TIMEOUT.toSeconds() + " s: "
                + logTail();
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The log's last lines, on one line. */
    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Kills the engine; never throws. */
    @Override
    public void close() {
        kill();
        try {
            Runtime.getRuntime().removeShutdownHook(killer);
        } catch (IllegalStateException e) {
            // the JVM is already exiting: the hook kills it
        }
        try {
            Files.deleteIfExists(log);
        } catch (IOException e) {
            // a temporary file; deleteOnExit covers it
        }
    }
}
