package dev.xraytracing.context;

import com.amazonaws.xray.ThreadLocalStorage;
import com.amazonaws.xray.entities.Entity;
import dev.xraytracing.internal.LambdaTraceHeader;
import dev.xraytracing.internal.TracerCore;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.utilslite.SdkInternalThreadLocal;

/**
 * Carries the current subsegment (not just the segment) to other threads, so that subsegments opened there nest under
 * the right parent. Works under Lambda's facade segment too. A wrapped task captures the context when it is wrapped,
 * installs it while it runs and puts back whatever the running thread had before.
 *
 * <pre>{@code
 * ExecutorService pool = TraceContext.wrap(Executors.newFixedThreadPool(4));
 * CompletableFuture.supplyAsync(TraceContext.supplier(() -> Tracing.sub("Fetch", s -> fetch())), pool);
 * }</pre>
 */
public final class TraceContext {
    private final Entity entity;
    private final String lambdaHeader;
    private final TracerCore threadTracer;

    private TraceContext(Entity entity, String lambdaHeader, TracerCore threadTracer) {
        this.entity = entity;
        this.lambdaHeader = lambdaHeader;
        this.threadTracer = threadTracer;
    }

    /**
     * The context of the calling thread: its open subsegment, the Lambda invocation's header if any, and the tracer
     * the thread was given (a test's), if any.
     */
    public static TraceContext capture() {
        return new TraceContext(ThreadLocalStorage.get(), SdkInternalThreadLocal.get(LambdaTraceHeader.THREAD_LOCAL_KEY),
                TracerCore.threadOwn());
    }

    /** Makes this context current on the calling thread until the returned scope is closed. */
    public Scope attach() {
        Entity previousEntity = ThreadLocalStorage.get();
        String previousHeader = SdkInternalThreadLocal.get(LambdaTraceHeader.THREAD_LOCAL_KEY);
        ThreadLocalStorage.set(entity);
        putHeader(lambdaHeader);
        TracerCore.Scope tracer = threadTracer != null ? threadTracer.makeCurrent() : null;
        return () -> {
            ThreadLocalStorage.set(previousEntity);
            putHeader(previousHeader);
            if (tracer != null) {
                tracer.close();
            }
        };
    }

    private static void putHeader(String header) {
        if (header == null) {
            SdkInternalThreadLocal.remove(LambdaTraceHeader.THREAD_LOCAL_KEY);
        } else {
            SdkInternalThreadLocal.put(LambdaTraceHeader.THREAD_LOCAL_KEY, header);
        }
    }

    /** Runs {@code task} inside this context. */
    public void run(Runnable task) {
        try (Scope ignored = attach()) {
            task.run();
        }
    }

    /** Calls {@code task} inside this context. */
    public <T> T call(Callable<T> task) throws Exception {
        try (Scope ignored = attach()) {
            return task.call();
        }
    }

    public static Runnable wrap(Runnable task) {
        TraceContext context = capture();
        return () -> context.run(task);
    }

    public static <T> Callable<T> wrap(Callable<T> task) {
        TraceContext context = capture();
        return () -> context.call(task);
    }

    public static <T> Supplier<T> supplier(Supplier<T> task) {
        TraceContext context = capture();
        return () -> {
            try (Scope ignored = context.attach()) {
                return task.get();
            }
        };
    }

    public static <T, R> Function<T, R> function(Function<T, R> task) {
        TraceContext context = capture();
        return value -> {
            try (Scope ignored = context.attach()) {
                return task.apply(value);
            }
        };
    }

    public static <T> Consumer<T> consumer(Consumer<T> task) {
        TraceContext context = capture();
        return value -> {
            try (Scope ignored = context.attach()) {
                task.accept(value);
            }
        };
    }

    public static <T, U, R> BiFunction<T, U, R> biFunction(BiFunction<T, U, R> task) {
        TraceContext context = capture();
        return (t, u) -> {
            try (Scope ignored = context.attach()) {
                return task.apply(t, u);
            }
        };
    }

    /** An executor that runs each task in the context of the thread that submitted it. */
    public static Executor wrap(Executor executor) {
        return task -> executor.execute(wrap(task));
    }

    /** An executor service that runs each task in the context of the thread that submitted it. */
    public static ExecutorService wrap(ExecutorService executor) {
        return new ContextExecutorService(executor);
    }

    /** Undoes {@link #attach()}; closing never throws. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
