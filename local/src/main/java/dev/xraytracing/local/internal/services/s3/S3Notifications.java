package dev.xraytracing.local.internal.services.s3;

import dev.xraytracing.local.internal.services.Deliveries;
import dev.xraytracing.local.internal.services.Targets;
import dev.xraytracing.local.template.FunctionEvent;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The buckets' notification configuration, as SAM makes it from the functions' {@code S3} events, and its delivery:
 * each object change that matches an event's types and key filter invokes the function asynchronously (as S3 does,
 * on a thread of its own, after the request was answered), with the trace header of the request that made the change
 * (S3 passes it on to Lambda). An invocation no attempt succeeded with (Lambda's asynchronous retries, then the
 * function's failure targets) is one problem line.
 */
final class S3Notifications implements AutoCloseable {
    /** The event types whose notifications are sent here. */
    static final List<String> SUPPORTED = List.of("s3:ObjectCreated:*", "s3:ObjectCreated:Put",
            "s3:ObjectCreated:Copy", "s3:ObjectCreated:CompleteMultipartUpload", "s3:ObjectRemoved:*",
            "s3:ObjectRemoved:Delete");

    private final List<Map.Entry<String, FunctionEvent.S3>> targets;
    private final Targets invoker;
    private final ExecutorService deliverer;
    private final AtomicInteger pending = new AtomicInteger();
    private final List<String> problems = new CopyOnWriteArrayList<>();

    /** {@code invoker} invokes asynchronously, as S3 does: retried, then to the function's failure targets. */
    S3Notifications(List<Map.Entry<String, FunctionEvent.S3>> targets, Targets invoker, Consumer<String> say) {
        this.targets = List.copyOf(targets);
        this.invoker = invoker;
        this.deliverer = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "s3-notifications");
            thread.setDaemon(true);
            return thread;
        });
        for (Map.Entry<String, FunctionEvent.S3> target : targets) {
            for (String type : target.getValue().events()) {
                if (!SUPPORTED.contains(type)) {
                    say.accept("function " + target.getKey() + ": event " + target.getValue().eventName() + ": "
                            + type + " is not simulated; only ObjectCreated and ObjectRemoved:Delete are notified");
                }
            }
        }
    }

    /** Whether any function is notified of this change. */
    boolean wanted(ObjectChange change) {
        return targets.stream().anyMatch(t -> matches(t.getValue(), change));
    }

    /**
     * Invokes, on the deliverer's threads, every function whose event matches; pending from this call on, so that
     * the run is not quiet between the request's answer and the function's end.
     *
     * @param message     the event for a configuration id (S3 puts the notification's id in each event)
     * @param traceHeader the request's {@code X-Amzn-Trace-Id}, or null
     */
    void deliver(ObjectChange change, Function<String, String> message, String traceHeader) {
        for (Map.Entry<String, FunctionEvent.S3> target : targets) {
            if (matches(target.getValue(), change)) {
                pending.incrementAndGet();
                Supplier<String> payload = () -> message.apply(target.getValue().eventName());
                deliverer.execute(() -> invoke(target.getKey(), change, payload, traceHeader));
            }
        }
    }

    private void invoke(String function, ObjectChange change, Supplier<String> payload, String traceHeader) {
        try {
            invoker.invoke(function, payload.get(), traceHeader);
        } catch (Deliveries.Failed e) {
            problems.add(failed(change, function, oneLine(e.getMessage())));
        } catch (RuntimeException e) {
            problems.add(failed(change, function, String.valueOf(e)));
        } finally {
            pending.decrementAndGet();
        }
    }

    private static String failed(ObjectChange change, String function, String why) {
        return "S3 notification " + change.eventName() + " of s3://" + change.bucket() + "/" + change.key() + " to "
                + function + " failed: " + why;
    }

    static boolean matches(FunctionEvent.S3 event, ObjectChange change) {
        if (!event.bucketName().equals(change.bucket())) {
            return false;
        }
        String type = "s3:" + change.eventName();
        boolean typeMatches = event.events().stream().anyMatch(configured -> configured.equals(type)
                || configured.endsWith(":*") && SUPPORTED.contains(configured)
                && type.startsWith(configured.substring(0, configured.length() - 1)));
        return typeMatches && event.filter().stream().allMatch(rule -> switch (rule.name()) {
            case "prefix" -> change.key().startsWith(rule.value());
            case "suffix" -> change.key().endsWith(rule.value());
            default -> true;
        });
    }

    private static String oneLine(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }

    boolean quiet() {
        return pending.get() == 0;
    }

    List<String> problems() {
        return List.copyOf(problems);
    }

    @Override
    public void close() {
        deliverer.shutdownNow();
        invoker.close();
    }
}
