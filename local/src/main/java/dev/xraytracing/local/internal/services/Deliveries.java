package dev.xraytracing.local.internal.services;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A service's asynchronous deliveries (SNS to its subscribers, EventBridge to its targets): each runs on its own
 * thread, as AWS delivers concurrently; deliveries in one lane (a FIFO topic's message group) run one after another.
 * A delivery is pending from {@link #submit} until it has finished, so a caller that sees its request answered also
 * sees the service not {@link #quiet()}. A delivery that fails becomes one line of {@link #failures()}.
 */
public final class Deliveries implements AutoCloseable {
    /** One delivery; a {@link Failed} or any other exception makes it a failure line. */
    @FunctionalInterface
    public interface Delivery {
        void deliver() throws Exception;
    }

    /** A delivery that did not arrive, with the line that says why. */
    public static final class Failed extends Exception {
        public Failed(String message) {
            super(message, null, false, false);
        }
    }

    private final ExecutorService executor;
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicInteger delivered = new AtomicInteger();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final Map<String, CompletableFuture<Void>> lanes = new HashMap<>();

    public Deliveries(String threadName) {
        executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Delivers in the background; {@code what} names it in a failure line ("topic T to function F"). */
    public void submit(String what, Delivery delivery) {
        pending.incrementAndGet();
        executor.execute(() -> run(what, delivery));
    }

    /** Delivers after every earlier delivery of the same {@code lane}, in the background. */
    public void submit(String lane, String what, Delivery delivery) {
        pending.incrementAndGet();
        synchronized (lanes) {
            CompletableFuture<Void> previous = lanes.getOrDefault(lane, CompletableFuture.completedFuture(null));
            CompletableFuture<Void> next = previous.thenRunAsync(() -> run(what, delivery), executor);
            lanes.put(lane, next);
            next.whenComplete((ignored, error) -> {
                synchronized (lanes) {
                    lanes.remove(lane, next);
                }
            });
        }
    }

    private void run(String what, Delivery delivery) {
        try {
            delivery.deliver();
            delivered.incrementAndGet();
        } catch (Failed e) {
            failures.add(what + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failures.add(what + ": stopped before it was delivered");
        } catch (Exception | LinkageError e) {
            failures.add(what + ": " + e);
        } finally {
            pending.decrementAndGet();
        }
    }

    /** Whether no delivery is waiting or running. */
    public boolean quiet() {
        return pending.get() == 0;
    }

    /** How many deliveries arrived. */
    public int delivered() {
        return delivered.get();
    }

    /** One line for each delivery that failed, in the order they failed. */
    public List<String> failures() {
        return new ArrayList<>(failures);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
