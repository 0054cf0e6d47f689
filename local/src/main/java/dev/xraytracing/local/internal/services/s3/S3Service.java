package dev.xraytracing.local.internal.services.s3;

import dev.xraytracing.local.internal.services.EngineProcess;
import dev.xraytracing.local.internal.services.LocalService;
import dev.xraytracing.local.internal.services.ServiceContext;
import dev.xraytracing.local.internal.services.Targets;
import dev.xraytracing.local.template.FunctionEvent;
import dev.xraytracing.local.template.TemplateResource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;

/**
 * S3 on S3Mock, started when the template declares a bucket: the buckets are created under their physical names,
 * functions call the {@link S3Front} (path-style requests, which the SDK makes on its own for an endpoint that is an
 * IP address), and the functions' {@code S3} events are notified from there. The run is not quiet while a
 * notification is pending or being delivered. S3Mock starts beside the run rather than before it (see
 * {@link #start}).
 */
public final class S3Service implements LocalService {
    public static final String ENDPOINT_VARIABLE = "AWS_ENDPOINT_URL_S3";

    private final CompletableFuture<EngineProcess> engine;
    private final Path root;
    private final S3Notifications notifications;
    private final S3Front front;

    private S3Service(CompletableFuture<EngineProcess> engine, Path root, S3Notifications notifications,
                      S3Front front) {
        this.engine = engine;
        this.root = root;
        this.notifications = notifications;
        this.front = front;
    }

    /**
     * Whether the template declares a bucket and S3Mock's jar is here; when it is not, says once what is missing
     * (the run then starts no S3, so {@link #start} is never called).
     */
    public static boolean neededAndInstalled(ServiceContext context) {
        if (context.resources(TemplateResource.Bucket.class).isEmpty()) {
            return false;
        }
        Optional<Path> jar = S3MockEngine.jar().filter(Files::isRegularFile);
        if (jar.isEmpty()) {
            context.say().accept("S3: S3Mock's executable jar (com.adobe.testing:s3mock:4.6.0:exec) is not on the"
                    + " class path and " + S3MockEngine.JAR_PROPERTY + " names none; the template's buckets are not"
                    + " created and S3 calls fail at once");
            return false;
        }
        return true;
    }

    /**
     * Creates the notifications and the front at once and starts S3Mock on a thread of its own: S3Mock takes seconds
     * (a Spring Boot application in its own JVM), and the run need not wait for it before its first request. The
     * front holds S3 calls until S3Mock answers; should it fail to start, that is said once and S3 calls are answered
     * 503.
     */
    public static S3Service start(ServiceContext context) {
        Path jar = S3MockEngine.jar().orElseThrow();
        List<String> buckets = context.resources(TemplateResource.Bucket.class).stream()
                .map(TemplateResource.Bucket::name).toList();
        Path root;
        try {
            root = Files.createTempDirectory("xray-tracing-local-s3-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        S3Notifications notifications = new S3Notifications(context.events(FunctionEvent.S3.class),
                new Targets(context), context.say());
        CompletableFuture<EngineProcess> engine = CompletableFuture.supplyAsync(
                () -> S3MockEngine.start(jar, root, buckets, context.region()), S3Service::onStartingThread);
        try {
            // Said before any call is answered 503, so the run's output names the cause first.
            CompletableFuture<String> endpoint = engine.whenComplete((started, failure) -> {
                if (failure != null) {
                    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                            ? failure.getCause() : failure;
                    context.say().accept("S3: S3Mock did not start (" + cause.getMessage()
                            + "); S3 calls are answered 503");
                }
            }).thenApply(EngineProcess::endpoint);
            S3Front front = new S3Front(endpoint, notifications, context.region(), context.accountId());
            return new S3Service(engine, root, notifications, front);
        } catch (RuntimeException e) {
            notifications.close();
            closeWhenStarted(engine, root);
            throw e;
        }
    }

    private static void onStartingThread(Runnable start) {
        Thread thread = new Thread(start, "s3mock-start");
        thread.setDaemon(true);
        thread.start();
    }

    /** S3Mock is closed, and its folder deleted, once its start has ended, whichever way it ends. */
    private static void closeWhenStarted(CompletableFuture<EngineProcess> engine, Path root) {
        engine.whenComplete((started, failure) -> {
            if (started != null) {
                started.close();
            }
            delete(root);
        });
    }

    @Override
    public String endpointVariable() {
        return ENDPOINT_VARIABLE;
    }

    @Override
    public String endpoint() {
        return front.endpoint();
    }

    @Override
    public List<String> problems() {
        if (!engine.isCompletedExceptionally()) {
            return notifications.problems();
        }
        List<String> problems = new ArrayList<>();
        problems.add("S3: S3Mock did not start; S3 calls were answered 503");
        problems.addAll(notifications.problems());
        return problems;
    }

    @Override
    public boolean quiet() {
        return notifications.quiet();
    }

    @Override
    public void close() {
        front.close();
        notifications.close();
        closeWhenStarted(engine, root);
    }

    private static void delete(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temporary folder: what is left there is harmless
        }
    }
}
